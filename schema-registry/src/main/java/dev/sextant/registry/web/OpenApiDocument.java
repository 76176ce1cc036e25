package dev.sextant.registry.web;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document springdoc serves at {@code /v3/api-docs} (and {@code /v3/api-docs.yaml}).
 * springdoc describes schemas with swagger-core's own (Jackson 2) mapper, so it is told the API's
 * snake_case naming here.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiDocument {

  @Bean
  ModelResolver snakeCaseModelResolver() {
    return new ModelResolver(
        Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
  }

  @Bean
  OpenAPI sextantOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Sextant API")
                .description(
                    "Self-hosted event analytics: tracking plans, collection and queries. Errors"
                        + " are RFC 9457 problem JSON.")
                .version("v1"));
  }
}
