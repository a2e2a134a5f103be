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
 * The admin page ({@code /sample/admin/}) in a real browser, logged in as a user in the role
 * {@code processpool-admin}: headless chromium lists the sample's named pool with its owner, workers and figures,
 * which move without a reload; its size field resizes the pool on the server or says why not; its recycle button
 * replaces the workers; a form or script of another origin cannot change the pool through the logged-in browser.
 */
@Tag("browser")   // left out with -Dskip.browser
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminPageIT {
    private static final String POOL = "sample-reports";
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RESIZE_TIMEOUT = Duration.ofSeconds(90);
    private static final String PORT = System.getProperty("wildfly.http.port", "8080");
    private static final String ADMIN_PAGE = "http://127.0.0.1:" + PORT + "/sample/admin/";

    private final SampleApi api = SampleApi.asAdmin();
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
        chromium.logIn(System.getProperty("admin.user", "pool-admin"), System.getProperty("admin.password", ""));
        page.get(ADMIN_PAGE);
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
    void listsTheNamedPoolWithItsStartMethodSizeOwnerAndWorkers() {
        assertEquals(POOL, figure("Name"));
        assertEquals("spawn", figure("StartMethod"));
        assertEquals("1", figure("Processes"));
        assertEquals("RUNNING", figure("State").toUpperCase(java.util.Locale.ROOT));
        assertEquals(String.valueOf(server().getInt("Processes")), figure("Processes"));
        assertEquals("unlimited", figure("MaxTasksPerChild"), "maxTasksPerChild 0 is shown as unlimited");
        assertEquals("1", row().findElement(By.className("size")).getAttribute("value"),
                "the size field holds the current size");
        assertEquals(server().getString("Application", ""), figure("Application"));
        assertEquals(server().getString("Owner", ""), figure("Owner"));
        assertTrue(!row().findElement(By.className("restart")).isDisplayed(), "no restart for a running pool");

        awaitPage(PAGE_TIMEOUT, "the page lists the pool's worker", () -> workersInPage().size() == 1);
        List<String> workers = workersInPage();   // "<pid>|<text>"
        long pid = Long.parseLong(workers.get(0).split("\\|")[0]);
        assertTrue(workers().contains(pid), pid + " is a worker process of the server: " + workers());
        String text = workers.get(0).split("\\|")[1];
        assertTrue(text.matches("pid " + pid + " · [0-9]+\\.[0-9] MiB · [0-9]+ (s|min|h [0-9]+ min) · [0-9]+ tasks? run"),
                "the worker's pid, resident memory, age and tasks run: " + text);
    }

    @Test
    void theRecycleButtonReplacesTheWorkers() {
        awaitPage(PAGE_TIMEOUT, "the page lists the pool's worker", () -> workersInPage().size() == 1);
        String before = workersInPage().get(0).split("\\|")[0];

        row().findElement(By.className("recycle")).click();

        awaitPage(RESIZE_TIMEOUT, "the page shows a new worker in place of " + before, () -> {
            List<String> now = workersInPage();
            return now.size() == 1 && !now.get(0).startsWith(before + "|");
        });
        assertTrue(!ServerProcesses.isAlive(Long.parseLong(before)) || !workers().contains(Long.parseLong(before)),
                "the recycled worker " + before + " has left the pool");
        assertTrue(row().findElement(By.className("message")).getText().startsWith("recycling"));
    }

    @Test
    void anotherOriginCannotChangeThePoolThroughTheLoggedInBrowser() {
        // localhost and 127.0.0.1 are two origins: this page plays another site the administrator has open
        page.get("http://localhost:" + PORT + "/sample/admin/admin.css");
        String target = ADMIN_PAGE.replace("/admin/", "/api/pools/" + POOL + "/size");
        Object fetched = ((JavascriptExecutor) page).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], { method: "POST", headers: { "Content-Type": "application/json",
                        "X-Requested-By": "evil" }, body: JSON.stringify({ processes: 3 }) })
                    .then(r => done("answered " + r.status), e => done("refused: " + e.message));
                """, target);
        assertTrue(String.valueOf(fetched).startsWith("refused"), "the browser refuses the cross-origin change: "
                + fetched);
        ((JavascriptExecutor) page).executeScript("""
                const form = document.createElement("form");
                form.method = "POST";
                form.action = arguments[0];
                const field = document.createElement("input");
                field.name = "processes";
                field.value = "3";
                form.appendChild(field);
                document.body.appendChild(form);
                form.submit();
                """, target);
        new WebDriverWait(page, PAGE_TIMEOUT).withMessage("the form post is answered")
                .until(driver -> driver.getCurrentUrl().contains("/api/pools/"));
        assertEquals(1, server().getInt("Processes"), "neither the script nor the form changed the size");
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
            api.change("pools/" + POOL + "/size", Json.createObjectBuilder().add("processes", 1).build());
        }
    }

    @Test
    void aBadSizeShowsAnErrorOnThePageAndChangesNothing() {
        // each bad size, and what its error must say: the pool's own refusal, and the page's API's
        for (List<String> badAndSaid : List.of(List.of("0", "got 0"), List.of("three", "\"three\""))) {
            String bad = badAndSaid.get(0);
            resizeInPage(bad);

            awaitPage(PAGE_TIMEOUT, "the page shows why " + bad + " is refused", () -> {
                WebElement message = row().findElement(By.className("message"));
                return message.getAttribute("class").contains("error") && !message.getText().isBlank()
                        && !message.getText().equals("…");   // the page's placeholder while it waits
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

    private static final String ROW = "tr.pool[data-name='" + POOL + "']";

    private WebElement row() {
        return page.findElement(By.cssSelector(ROW));
    }

    private String figure(String attribute) {
        List<WebElement> cells = page.findElements(By.cssSelector(ROW + " [data-figure='" + attribute + "']"));
        return cells.isEmpty() ? "" : cells.get(0).getText();
    }

    /** The workers the page lists, as "pid|text", read in one script: the list is redrawn every second. */
    @SuppressWarnings("unchecked")
    private List<String> workersInPage() {
        return (List<String>) ((JavascriptExecutor) page).executeScript("return Array.from(document.querySelectorAll("
                + "arguments[0])).map(item => item.dataset.pid + '|' + item.textContent);", ROW + " ul.workers li");
    }

    private void awaitPage(Duration timeout, String condition, java.util.function.BooleanSupplier met) {
        new WebDriverWait(page, timeout).withMessage(condition)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)   // a cell redrawn meanwhile
                .until(driver -> met.getAsBoolean());
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
