package dev.processpool.sample.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven by the chromedriver on this machine (never a downloaded one), with a fresh
 * profile directory. Closing it quits the browser, waits for every process that used the profile to exit (killing
 * those that do not) and deletes the profile.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(20);

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    HeadlessChromium() throws IOException {
        File chromedriver = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
        File chromium = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        if (!chromedriver.canExecute() || !chromium.canExecute()) {
            throw new IllegalStateException("AdminPageIT needs " + chromium + " and " + chromedriver
                    + ": install Debian's chromium and chromium-driver (src/test/sh/install-chromium.sh does it as root)");
        }
        profile = Files.createTempDirectory("admin-page-chromium-");
        ChromeDriverService started = null;
        try {
            started = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile);
            driver = new ChromeDriver(started, options);
            service = started;
        } catch (RuntimeException e) {
            if (started != null) {
                started.stop();
            }
            stopProfileProcessesAndDelete();
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Logs the browser in for HTTP Basic: every later request it makes carries the user's credentials, as a browser
     * does once its user has answered the login prompt (headless chromium shows no prompt, so the DevTools protocol
     * adds the header instead).
     */
    void logIn(String user, String password) {
        driver.executeCdpCommand("Network.enable", java.util.Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", java.util.Map.of("headers",
                java.util.Map.of("Authorization", SampleApi.basic(user, password))));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            stopProfileProcessesAndDelete();
        }
    }

    /** The chromium processes of this profile: their command line names it. */
    static List<ProcessHandle> processesUsing(Path profile) {
        String mark = "--user-data-dir=" + profile;
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(List::of).orElse(List.of()).contains(mark))
                .toList();
    }

    Path profile() {
        return profile;
    }

    private void stopProfileProcessesAndDelete() {
        try {
            List<Long> left = ServerProcesses.awaitExit(processesUsing(profile).stream().map(ProcessHandle::pid).toList(),
                    EXIT_TIMEOUT);
            left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            ServerProcesses.awaitExit(left, EXIT_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the browser profile " + directory, e);
        }
    }
}
