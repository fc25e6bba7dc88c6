package io.watchtime.server.console;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through its chromedriver: no network beyond the server under test, a profile
 * and a download folder of its own. Missing chromium fails the test with what to install; it is never skipped.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    Browser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new AssertionError("the console's browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + ": apt-get install -y chromium chromium-driver (.ci/run does)");
        }
        profile = Files.createTempDirectory("watchtime-chromium");
        downloads = Files.createDirectories(Path.of("target", "console-downloads").toAbsolutePath());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1440,1800", "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
                // the operators' zone, so the screenshots show the times they would see
                .withEnvironment(Map.of("TZ", "Asia/Shanghai")).build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    /** Runs what moves to another page and waits until that page says it has rendered (body data-ready). */
    void load(Runnable navigation) {
        js("delete document.body.dataset.ready");
        navigation.run();
        waitFor(Duration.ofSeconds(20), () -> "true".equals(js("return document.body.dataset.ready")));
    }

    /** A fresh load of the address, as typed into the tab (the tab's session storage, so the key, stays). */
    void open(String url) {
        driver.get("about:blank");
        driver.get(url);
        waitFor(Duration.ofSeconds(20), () -> "true".equals(js("return document.body.dataset.ready")));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String attribute(String css, String name) {
        return find(css).getDomAttribute(name);
    }

    void waitFor(Duration timeout, java.util.function.BooleanSupplier condition) {
        // a page that re-renders replaces the elements a condition looked at: look again
        new WebDriverWait(driver, timeout).ignoring(StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    /** The browser's console since the last call: errors only (a failed request, an exception, a CSP refusal). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
