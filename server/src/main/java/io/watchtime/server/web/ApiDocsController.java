package io.watchtime.server.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /v3/api-docs}: the OpenAPI 3 description of every endpoint, open to all (no key). Written by hand in
 * openapi/openapi.json, not generated: the controllers read their bodies themselves (for their own error messages),
 * so a generator would see no request or answer shapes, and the seed's field descriptions would have to be written
 * out anyway. ApiDocsTest holds it to the real answers.
 */
@RestController
class ApiDocsController {

    private final JsonNode document;

    ApiDocsController(JsonMapper json, Environment environment) {
        try (InputStream in = ApiDocsController.class.getResourceAsStream("/openapi/openapi.json")) {
            ObjectNode parsed = (ObjectNode) json.readTree(in);
            ((ObjectNode) parsed.get("info")).put("version",
                    environment.getProperty("spring.application.version", "(development build)"));
            this.document = parsed;
        } catch (IOException e) {
            throw new UncheckedIOException("the jar lacks openapi/openapi.json; rebuild it", e);
        }
    }

    @GetMapping("/v3/api-docs")
    JsonNode apiDocs() {
        return document;
    }
}
