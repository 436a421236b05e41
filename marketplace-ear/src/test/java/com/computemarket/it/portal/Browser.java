package com.computemarket.it.portal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (the system's chromium and chromedriver) on the portal: signs in through the real Keycloak login
 * page, takes screenshots into target/portal-screenshots, checks that form fields are labelled, and fetches files
 * with the browser's session.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("cm.it.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("cm.it.chromedriver", "/usr/bin/chromedriver");
    static final Path SHOTS = Path.of(System.getProperty("cm.ear", "target/marketplace.ear")).getParent().resolve("portal-screenshots");

    final WebDriver driver;
    final String portal;
    final WebDriverWait wait;

    Browser(String portal) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--lang=en-GB",
                // Chromium refuses some ports (10080 among them, which a port offset of 2000 gives): allow the portal's
                "--explicitly-allowed-ports=" + URI.create(portal).getPort());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        this.driver = new ChromeDriver(service, options);
        this.portal = portal.endsWith("/") ? portal.substring(0, portal.length() - 1) : portal;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        // mid-navigation Chromium may answer a look at the old page with a plain WebDriverException ("Node with given
        // id does not belong to the document") instead of a stale element: look again; a timeout carries the last one
        wait.ignoring(WebDriverException.class);
    }

    /** Opens the portal, is sent to Keycloak, signs in there with the demo user's password (= name), comes back. */
    void signIn(String user) {
        driver.get(portal + "/index.xhtml");
        awaitId("username", "the Keycloak login page");
        driver.findElement(By.id("username")).sendKeys(user);
        if (driver.findElements(By.id("password")).isEmpty()) {
            // a realm with organizations asks for the user name first (identity-first login), then the password
            driver.findElement(By.id("kc-login")).click();
            awaitId("password", "Keycloak's password page");
        }
        driver.findElement(By.id("password")).sendKeys(user);
        driver.findElement(By.id("kc-login")).click();
        awaitId("who", "the portal after signing in as " + user);
        assertTrue(text("who").startsWith(user), "signed in as " + user + ": " + text("who"));
    }

    /** Waits for an element; on timeout fails with where the browser is and what it shows (and a screenshot). */
    void awaitId(String id, String what) {
        try {
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        } catch (TimeoutException e) {
            screenshot("failed-" + id);
            String body = driver.findElements(By.tagName("body")).stream().map(WebElement::getText).findFirst().orElse("");
            throw new AssertionError("expected " + what + " (#" + id + ") at " + driver.getCurrentUrl() + ", the page shows: "
                    + body.substring(0, Math.min(800, body.length())), e);
        }
    }

    void signOut() {
        driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signed-out")));
    }

    void open(String path) {
        driver.get(portal + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    WebElement find(String id) {
        return driver.findElement(By.id(id));
    }

    String text(String id) {
        return find(id).getText().strip();
    }

    boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    String messages() {
        return driver.findElements(By.cssSelector(".msg")).stream().map(WebElement::getText).collect(Collectors.joining(" | "));
    }

    /** Every visible input, select and textarea has a label that names it (label for=id, or aria-label). */
    void assertLabelled() {
        List<WebElement> fields = driver.findElements(By.cssSelector("input:not([type=hidden]):not([type=submit]), select, textarea"));
        for (WebElement field : fields) {
            String id = field.getAttribute("id");
            boolean labelled = field.getAttribute("aria-label") != null
                    || id != null && !id.isEmpty() && !driver.findElements(By.cssSelector("label[for='" + id + "']")).isEmpty();
            assertTrue(labelled, "field without a label on " + driver.getCurrentUrl() + ": " + field.getAttribute("outerHTML"));
        }
    }

    /** Clicks a button that posts the page and waits until the next page has replaced it. */
    void submit(String buttonId) {
        // a mark on the old document: gone once the next one is loaded. (Waiting for the old <html> element to go
        // stale is not enough: mid-navigation Chromium answers "Node with given id does not belong to the document",
        // a plain WebDriverException that ExpectedConditions.stalenessOf does not take for staleness.)
        script("window.cmLeaving = true");
        find(buttonId).click();
        wait.until(d -> !Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("return window.cmLeaving === true")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
    }

    WebElement focused() {
        return driver.switchTo().activeElement();
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** GETs a URL with the browser's cookies (its portal session): a file the user would download. */
    HttpResponse<byte[]> download(String url) throws IOException, InterruptedException {
        String cookies = driver.manage().getCookies().stream().map(Cookie::toString).map(c -> c.split(";", 2)[0])
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookies).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
