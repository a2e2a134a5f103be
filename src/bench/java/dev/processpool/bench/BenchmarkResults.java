package dev.processpool.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one run, both sides, read from the JSON the harnesses wrote: {@code headline.json}
 * ({@link HeadlineBenchmark}), {@code lifecycle.json} ({@link LifecycleBenchmark}), {@code jmh.json}
 * ({@link SteadyStateBenchmark}), {@code python-headline.json} and {@code python.json} ({@code bench_mp.py}). Every figure is a {@link Summary} in the figure's unit.
 */
final class BenchmarkResults {

    /** A column of the report: one implementation with one start method. */
    enum Column {
        PROCESSPOOL_FORKSERVER("processpool", "forkserver"),
        PROCESSPOOL_SPAWN("processpool", "spawn"),
        CPYTHON_FORK("CPython", "fork"),
        CPYTHON_FORKSERVER("CPython", "forkserver"),
        CPYTHON_SPAWN("CPython", "spawn");

        final String implementation;
        final String startMethod;

        Column(String implementation, String startMethod) {
            this.implementation = implementation;
            this.startMethod = startMethod;
        }

        boolean isProcesspool() {
            return implementation.equals("processpool");
        }

        /** CPython's column with the same start method as this processpool column. */
        Column cpythonPeer() {
            return this == PROCESSPOOL_FORKSERVER ? CPYTHON_FORKSERVER : CPYTHON_SPAWN;
        }

        String label() {
            return implementation + " " + startMethod;
        }
    }

    private final Map<Column, Map<Figure, Summary>> figures = new EnumMap<>(Column.class);
    final String pythonVersion;

    private BenchmarkResults(String pythonVersion) {
        this.pythonVersion = pythonVersion;
        for (Column column : Column.values()) {
            figures.put(column, new EnumMap<>(Figure.class));
        }
    }

    static BenchmarkResults read(Path dir) throws IOException {
        JsonObject pythonHeadline = readJson(dir.resolve("python-headline.json")).asJsonObject();
        BenchmarkResults results = new BenchmarkResults(pythonHeadline.getString("version"));
        if (Files.isRegularFile(dir.resolve("jmh.json"))) {   // a run may stop after the headline
            results.addSide("CPython", readJson(dir.resolve("python.json")).asJsonObject());
            results.addSide("processpool", readJson(dir.resolve("lifecycle.json")).asJsonObject());
            results.addJmh(readJson(dir.resolve("jmh.json")).asJsonArray());
        }
        results.addSide("CPython", pythonHeadline);
        JsonObject headline = readJson(dir.resolve("headline.json")).asJsonObject();
        results.addSide("processpool", headline);
        Summary emptyJvm = Summary.of(numbers(headline.getJsonArray("empty_jvm_ms")));
        results.put(Column.PROCESSPOOL_FORKSERVER, Figure.EMPTY_JVM, emptyJvm);
        results.put(Column.PROCESSPOOL_SPAWN, Figure.EMPTY_JVM, emptyJvm);
        return results;
    }

    /** The figure for a column, or null when it was not measured. */
    Summary get(Column column, Figure figure) {
        return figures.get(column).get(figure);
    }

    private void addSide(String implementation, JsonObject side) {
        JsonObject methods = side.getJsonObject("methods");
        for (Column column : Column.values()) {
            if (!column.implementation.equals(implementation) || !methods.containsKey(column.startMethod)) {
                continue;
            }
            JsonObject measured = methods.getJsonObject(column.startMethod);
            for (Figure figure : Figure.values()) {
                JsonValue value = measured.get(figure.key);
                if (value != null) {
                    put(column, figure, summary(value, figure.field));
                }
            }
        }
    }

    private static Summary summary(JsonValue value, String field) {
        return switch (value.getValueType()) {
            case NUMBER -> Summary.single(((JsonNumber) value).doubleValue(), 1);
            case ARRAY -> Summary.of(numbers(value.asJsonArray()));
            case OBJECT -> Summary.single(value.asJsonObject().getJsonNumber(field).doubleValue(),
                    value.asJsonObject().getInt("n"));
            default -> throw new IllegalArgumentException("not a figure: " + value);
        };
    }

    private void addJmh(JsonArray runs) {
        for (JsonValue run : runs) {
            JsonObject result = run.asJsonObject();
            String benchmark = result.getString("benchmark");
            Column column = result.getJsonObject("params").getString("startMethod").equals("forkserver")
                    ? Column.PROCESSPOOL_FORKSERVER : Column.PROCESSPOOL_SPAWN;
            JsonObject metric = result.getJsonObject("primaryMetric");
            switch (benchmark.substring(benchmark.lastIndexOf('.') + 1)) {
                case "applyRoundTrip" -> addApply(column, metric);
                case "map1M" -> put(column, Figure.MAP_1M, itemsPerSecond(metric, SteadyStateBenchmark.MAP_LARGE));
                case "map20kChunksize1" -> put(column, Figure.MAP_20K_CHUNKSIZE_1,
                        itemsPerSecond(metric, SteadyStateBenchmark.MAP_CHUNKSIZE_1));
                case "imapUnordered200k" -> put(column, Figure.IMAP_UNORDERED,
                        itemsPerSecond(metric, SteadyStateBenchmark.IMAP_UNORDERED));
                default -> throw new IllegalArgumentException("unknown benchmark " + benchmark);
            }
        }
    }

    /** Median and p99 of every sample, over all forks and iterations of JMH's sample-time histogram. */
    private void addApply(Column column, JsonObject metric) {
        requireUnit(metric, "us/op");
        List<double[]> histogram = new ArrayList<>();
        for (JsonValue fork : metric.getJsonArray("rawDataHistogram")) {
            for (JsonValue iteration : fork.asJsonArray()) {
                for (JsonValue bin : iteration.asJsonArray()) {
                    JsonArray pair = bin.asJsonArray();
                    histogram.add(new double[] {pair.getJsonNumber(0).doubleValue(), pair.getJsonNumber(1).doubleValue()});
                }
            }
        }
        int n = (int) histogram.stream().mapToDouble(bin -> bin[1]).sum();
        put(column, Figure.APPLY_MEDIAN, Summary.single(Summary.quantile(histogram, 0.5), n));
        put(column, Figure.APPLY_P99, Summary.single(Summary.quantile(histogram, 0.99), n));
    }

    /** Single-shot times in ms (one per iteration) as items per second. */
    private static Summary itemsPerSecond(JsonObject metric, int items) {
        requireUnit(metric, "ms/op");
        List<Double> rates = new ArrayList<>();
        for (JsonValue fork : metric.getJsonArray("rawData")) {
            numbers(fork.asJsonArray()).forEach(millis -> rates.add(items / (millis / 1e3)));
        }
        return Summary.of(rates);
    }

    private void put(Column column, Figure figure, Summary raw) {
        figures.get(column).put(figure, raw.scaled(figure.scale));
    }

    private static void requireUnit(JsonObject metric, String unit) {
        if (!metric.getString("scoreUnit").equals(unit)) {
            throw new IllegalArgumentException("expected " + unit + ", found " + metric.getString("scoreUnit"));
        }
    }

    private static List<Double> numbers(JsonArray array) {
        return array.getValuesAs(JsonNumber.class).stream().map(JsonNumber::doubleValue).toList();
    }

    private static JsonValue readJson(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file); JsonReader reader = Json.createReader(in)) {
            return reader.readValue();
        }
    }
}
