package io.watchtime.server.console;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console is static files under {@code static/console/} (its pages call the API from the browser with the
 * key the user signs in with); this only gives it its addresses: {@code /} and {@code /console} lead to it.
 */
@Controller
class ConsoleController {

    @GetMapping({"/", "/console"})
    String toConsole() {
        return "redirect:/console/";
    }

    @GetMapping("/console/")
    String page() {
        return "forward:/console/index.html";
    }
}
