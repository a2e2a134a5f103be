package dev.processpool.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin page ({@code /sample/admin/}) in a real browser: headless chromium lists the sample's named pool, its
 * figures move without a reload, and its size field resizes the pool on the server or says why not.
 */
@Tag("browser")   // left out with -Dskip.browser
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPageIT {
    private static final String POOL = "sample-reports";
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RESIZE_TIMEOUT = Duration.ofSeconds(90);

    private final SampleApi api = new SampleApi();
    private HeadlessChromium chromium;
    private ChromeDriver page;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return SampleEar.archive();
    }

    @BeforeEach
    void openThePage() throws Exception {
        chromium = new HeadlessChromium();
        page = chromium.driver();
        page.get("http://127.0.0.1:" + System.getProperty("wildfly.http.port", "8080") + "/sample/admin/");
        awaitPage(PAGE_TIMEOUT, "the page lists " + POOL, () -> !figure("Name").isEmpty());
    }

    @AfterEach
    void closeTheBrowser() {
        Path profile = chromium.profile();
        chromium.close();
        assertTrue(HeadlessChromium.processesUsing(profile).isEmpty(), "no chromium process is left");
        assertTrue(!Files.exists(profile), "the browser profile " + profile + " is deleted");
    }

    @Test
    void listsTheNamedPoolWithItsStartMethodAndSize() {
        assertEquals(POOL, figure("Name"));
        assertEquals("spawn", figure("StartMethod"));
        assertEquals("1", figure("Processes"));
        assertEquals("RUNNING", figure("State").toUpperCase(java.util.Locale.ROOT));
        assertEquals(String.valueOf(server().getInt("Processes")), figure("Processes"));
    }

    @Test
    void theCompletedCountGrowsWithoutAReloadWhenWorkGoesThroughThePool() {
        long before = Long.parseLong(figure("TasksCompleted"));
        ((JavascriptExecutor) page).executeScript("window.notReloaded = true;");
        List<String> words = IntStream.range(0, 6).mapToObj(i -> "word-" + i).toList();

        api.post("reports", Json.createArrayBuilder(words).build());

        awaitPage(PAGE_TIMEOUT, "the page's completed count reaches " + (before + words.size()),
                () -> Long.parseLong(figure("TasksCompleted")) >= before + words.size());
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) page).executeScript("return window.notReloaded === true;"),
                "the figures changed in the page as it stood, without a reload");
    }

    @Test
    void changingTheSizeInThePageResizesThePoolOnTheServer() throws Exception {
        List<Long> workersBefore = workers();
        try {
            resizeInPage("3");

            awaitPage(RESIZE_TIMEOUT, "the page shows 3 workers alive",
                    () -> figure("WorkersAlive").equals("3") && figure("Processes").equals("3"));
            assertEquals(3, server().getInt("WorkersAlive"));
            List<Long> workersAfter = workers();
            assertEquals(workersBefore.size() + 2, workersAfter.size(),
                    "2 more worker processes run for the server: before " + workersBefore + ", after " + workersAfter);
            workersAfter.forEach(pid -> assertTrue(ServerProcesses.isAlive(pid), pid + " is alive"));
        } finally {
            api.postForm("pools/" + POOL + "/size", "processes", "1");
        }
    }

    @Test
    void aBadSizeShowsAnErrorOnThePageAndChangesNothing() {
        // each bad size, and what its error must say: the pool's own refusal, and the page's API's
        for (List<String> badAndSaid : List.of(List.of("0", "at least 1, got 0"), List.of("three", "\"three\""))) {
            String bad = badAndSaid.get(0);
            resizeInPage(bad);

            awaitPage(PAGE_TIMEOUT, "the page shows why " + bad + " is refused", () -> {
                WebElement message = row().findElement(By.className("message"));
                return message.getAttribute("class").contains("error") && !message.getText().isBlank()
                        && !message.getText().contains("resizing");
            });
            String error = row().findElement(By.className("message")).getText();
            assertTrue(error.contains(badAndSaid.get(1)), "the error says what was wrong: " + error);
            assertEquals("1", figure("Processes"));
            assertEquals(1, server().getInt("Processes"));
        }
    }

    private void resizeInPage(String size) {
        WebElement field = row().findElement(By.className("size"));
        field.clear();
        field.sendKeys(size);
        row().findElement(By.className("resize")).click();
    }

    private WebElement row() {
        return page.findElement(By.id("pool-" + POOL));
    }

    private String figure(String attribute) {
        List<WebElement> cells = page.findElements(By.cssSelector("#pool-" + POOL + " [data-figure='" + attribute + "']"));
        return cells.isEmpty() ? "" : cells.get(0).getText();
    }

    private void awaitPage(Duration timeout, String condition, java.util.function.BooleanSupplier met) {
        new WebDriverWait(page, timeout).withMessage(condition).until(driver -> met.getAsBoolean());
    }

    /** The named pool as the server's API answers (the same MXBean the page reads). */
    private JsonObject server() {
        return api.getArray("pools").getValuesAs(JsonObject.class).stream()
                .filter(pool -> POOL.equals(pool.getString("Name")))
                .findFirst().orElseThrow(() -> new AssertionError(POOL + " is not among the server's pools"));
    }

    private List<Long> workers() {
        return ServerProcesses.pidsOfRole(api.getObject("processes"), "worker");
    }
}
