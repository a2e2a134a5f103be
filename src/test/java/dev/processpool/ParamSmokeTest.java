package dev.processpool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

@ParameterizedClass
@MethodSource("dev.processpool.TestPools#startMethods")
class ParamSmokeTest {
    @Parameter
    String startMethod;

    @Test
    void mapSquares() {
        try (Pool pool = TestPools.newPool(startMethod, 2)) {
            assertEquals(List.of(0, 1, 4), pool.map((Integer x) -> x * x, List.of(0, 1, 2)));
        }
    }
}
