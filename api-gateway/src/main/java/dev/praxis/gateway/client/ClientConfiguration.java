package dev.praxis.gateway.client;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP clients of the two backend services. Each gets its own {@link RestClient} with its own
 * time-outs, on top of Boot's HTTP client choice and settings ({@code spring.http.clients.*}).
 */
@Configuration(proxyBeanMethods = false)
class ClientConfiguration {

    @Bean
    CommandServiceClient commandServiceClient(RestClient.Builder builder, CommandServiceProperties properties,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> factories, ObjectProvider<HttpClientSettings> settings,
            JsonMapper json) {
        return new CommandServiceClient(builder
                .baseUrl(properties.url().toString())
                .requestFactory(requestFactory(factories, settings, properties.connectTimeout(), properties.readTimeout()))
                .defaultStatusHandler(HttpStatusCode::isError, new DownstreamErrorHandler("command service", json))
                .build());
    }

    @Bean
    QueryServiceClient queryServiceClient(RestClient.Builder builder, QueryServiceProperties properties,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> factories, ObjectProvider<HttpClientSettings> settings,
            JsonMapper json) {
        return new QueryServiceClient(builder
                .baseUrl(properties.url().toString())
                .requestFactory(requestFactory(factories, settings, properties.connectTimeout(), properties.readTimeout()))
                .defaultStatusHandler(HttpStatusCode::isError, new DownstreamErrorHandler("query service", json))
                // every answer of the query service is JSON: saying so spares it negotiating the
                // HTTP client's default "text/html, image/gif, image/jpeg, */*; q=0.2" on every read
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                // the auditor role travels with every read that names the auditor as its viewer
                .requestInterceptor(new dev.praxis.gateway.security.AuditorRoleForwarding())
                .build());
    }

    private static ClientHttpRequestFactory requestFactory(ObjectProvider<ClientHttpRequestFactoryBuilder<?>> factories,
            ObjectProvider<HttpClientSettings> settings, Duration connectTimeout, Duration readTimeout) {
        return factories.getIfAvailable(ClientHttpRequestFactoryBuilder::detect)
                .build(settings.getIfAvailable(HttpClientSettings::defaults).withTimeouts(connectTimeout, readTimeout));
    }
}
