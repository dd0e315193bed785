package dev.praxis.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders every overlay with {@code kubectl kustomize} and checks the typed objects against what an
 * operator relies on and against the services' own configuration, so that a manifest cannot drift
 * from the application (a port, a probe path, a configuration key) without a failing test.
 */
class RenderedManifestsTest {

    private static final Set<String> SERVICES = Set.of("command-service", "query-service", "api-gateway");

    @BeforeAll
    static void kubectl() {
        assumeTrue(Overlay.kubectlAvailable(), "kubectl is not installed: .ci/run installs it (Debian's kubernetes-client)");
    }

    static Stream<Overlay> overlays() throws Exception {
        List<Overlay> rendered = new ArrayList<>();
        for (String name : Overlay.names()) {
            rendered.add(Overlay.render(name));
        }
        return rendered.stream();
    }

    @Test
    void thereIsADevAndAProdOverlay() throws Exception {
        assertThat(Overlay.names()).containsExactly("dev", "prod");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyContainerHasProbesRequestsLimitsAndRunsAsANonRootUserOnAReadOnlyFilesystem(Overlay overlay) {
        List<Overlay.Workload> workloads = overlay.workloads();
        assertThat(workloads).extracting(Overlay.Workload::name).contains(
                "Deployment/command-service", "Deployment/query-service", "Deployment/api-gateway",
                "StatefulSet/postgres", "StatefulSet/mongodb");
        for (Overlay.Workload workload : workloads) {
            PodSecurityContext pod = workload.template().getSpec().getSecurityContext();
            for (Container container : workload.containers()) {
                String where = overlay + " " + workload.name() + " container " + container.getName();
                if (workload.serves()) {
                    assertThat(container.getLivenessProbe()).as(where + " liveness probe").isNotNull();
                    assertThat(container.getReadinessProbe()).as(where + " readiness probe").isNotNull();
                }
                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();
                assertThat(requests).as(where + " requests").containsKeys("cpu", "memory");
                assertThat(limits).as(where + " limits").containsKeys("cpu", "memory");
                assertThat(Quantity.getAmountInBytes(limits.get("memory")))
                        .as(where + " memory limit >= request")
                        .isGreaterThanOrEqualTo(Quantity.getAmountInBytes(requests.get("memory")));

                SecurityContext security = container.getSecurityContext();
                boolean nonRoot = Boolean.TRUE.equals(security != null ? security.getRunAsNonRoot() : null)
                        || Boolean.TRUE.equals(pod != null ? pod.getRunAsNonRoot() : null);
                Long user = security != null && security.getRunAsUser() != null ? security.getRunAsUser()
                        : pod != null ? pod.getRunAsUser() : null;
                assertThat(nonRoot).as(where + " runAsNonRoot").isTrue();
                assertThat(user).as(where + " runAsUser").isNotNull().isPositive();
                assertThat(security).as(where + " securityContext").isNotNull();
                assertThat(security.getReadOnlyRootFilesystem()).as(where + " readOnlyRootFilesystem").isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as(where + " allowPrivilegeEscalation").isFalse();
                assertThat(security.getCapabilities().getDrop()).as(where + " drops capabilities").contains("ALL");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyImageIsPinnedToAVersion(Overlay overlay) {
        for (Overlay.Workload workload : overlay.workloads()) {
            for (Container container : workload.containers()) {
                String image = container.getImage();
                boolean digest = image.matches(".+@sha256:[0-9a-f]{64}");
                String tag = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
                assertThat(digest || (!tag.isEmpty() && !tag.equals("latest") && tag.matches("[0-9][0-9A-Za-z._-]*")))
                        .as(overlay + " " + workload.name() + " image " + image + " is pinned to a version or digest")
                        .isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyServicePortReachesTheApplicationsConfiguredPort(Overlay overlay) {
        for (String name : SERVICES) {
            ServiceConfiguration app = ServiceConfiguration.of(name);
            Deployment deployment = overlay.get(Deployment.class, name);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            ServicePort port = overlay.get(Service.class, name).getSpec().getPorts().get(0);

            assertThat(port.getPort()).as(overlay + " Service " + name + " port").isEqualTo(app.serverPort());
            assertThat(containerPort(container, port.getTargetPort()))
                    .as(overlay + " " + name + " targetPort " + port.getTargetPort() + " is the application's server.port")
                    .isEqualTo(app.serverPort());
            assertThat(overlay.get(Service.class, name).getSpec().getSelector())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        }
        for (Service service : overlay.all(Service.class)) {
            assertThat(service.getSpec().getType()).as(overlay + " " + service.getMetadata().getName()
                    + " is reachable inside the cluster only (the Ingress is the way in)").isIn(null, "ClusterIP");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void probesAskTheActuatorHealthGroupsThatTheApplicationsEnable(Overlay overlay) {
        for (String name : SERVICES) {
            ServiceConfiguration app = ServiceConfiguration.of(name);
            assertThat(app.healthProbesEnabled()).as(name + " enables management.endpoint.health.probes").isTrue();
            Container container = overlay.get(Deployment.class, name).getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(path(container.getLivenessProbe())).isEqualTo("/actuator/health/liveness");
            assertThat(path(container.getReadinessProbe())).isEqualTo("/actuator/health/readiness");
            assertThat(containerPort(container, container.getReadinessProbe().getHttpGet().getPort())).isEqualTo(app.serverPort());
            assertThat(overlay.get(Deployment.class, name).getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                    .as(name + " waits longer than Spring's graceful shutdown")
                    .isGreaterThan(app.shutdownPhaseSeconds());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void everyConfigurationKeyTheManifestsSetIsOneTheApplicationsRead(Overlay overlay) {
        ConfigMap config = overlay.all(ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith("praxis-config")).findFirst().orElseThrow();
        Map<String, String> data = config.getData();
        assertThat(ServiceConfiguration.of("api-gateway").hasProperty("praxis.command-service.url")).isTrue();
        assertThat(ServiceConfiguration.of("api-gateway").hasProperty("praxis.query-service.url")).isTrue();
        assertThat(data.get("PRAXIS_COMMANDSERVICE_URL")).isEqualTo("http://command-service:"
                + ServiceConfiguration.of("command-service").serverPort());
        assertThat(data.get("PRAXIS_QUERYSERVICE_URL")).isEqualTo("http://query-service:"
                + ServiceConfiguration.of("query-service").serverPort());
        assertThat(ServiceConfiguration.of("command-service").placeholders()).contains(
                "PRAXIS_EVENTSTORE_URL", "PRAXIS_EVENTSTORE_USERNAME", "PRAXIS_EVENTSTORE_PASSWORD");
        assertThat(ServiceConfiguration.of("query-service").placeholders()).contains(
                "PRAXIS_EVENTSTORE_URL", "PRAXIS_READMODEL_URI");

        // the read models: every member of the replica set, majority writes and reads
        assertThat(data.get("PRAXIS_READMODEL_URI"))
                .contains("mongodb-0.mongodb", "mongodb-1.mongodb", "mongodb-2.mongodb", "replicaSet=rs0",
                        "w=majority", "readConcernLevel=majority");
        assertThat(overlay.get(StatefulSet.class, "mongodb").getSpec().getReplicas()).isEqualTo(3);
        assertThat(data.get("PRAXIS_EVENTSTORE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/praxis");

        // every Secret a container names exists in the overlay or is documented as created beforehand
        for (Overlay.Workload workload : overlay.workloads()) {
            for (Container container : workload.containers()) {
                for (EnvVar env : container.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        String secret = env.getValueFrom().getSecretKeyRef().getName();
                        if (overlay.name().equals("dev")) {
                            assertThat(overlay.all(Secret.class)).extracting(s -> s.getMetadata().getName())
                                    .as("dev generates " + secret).contains(secret);
                        } else {
                            assertThat(secret).isEqualTo("praxis-stores");
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void onlyTheGatewayIsReachableFromOutsideAndOnlyTheServicesReachTheStores(Overlay overlay) {
        assertThat(overlay.all(Ingress.class)).hasSize(1);
        overlay.all(Ingress.class).get(0).getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path ->
                assertThat(path.getBackend().getService().getName()).isEqualTo("api-gateway")));

        NetworkPolicy deny = overlay.get(NetworkPolicy.class, "default-deny-ingress");
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();

        // who may reach each store, by the labels its policy admits
        assertThat(podsAdmittedBy(overlay, "postgres-from-services")).containsExactly(
                "Deployment/command-service", "Deployment/query-service");
        assertThat(podsAdmittedBy(overlay, "mongodb-from-services")).containsExactly(
                "Deployment/query-service", "Job/mongodb-replica-set-init", "StatefulSet/mongodb");
        assertThat(podsAdmittedBy(overlay, "backends-from-gateway")).containsExactly("Deployment/api-gateway");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overlays")
    void theGatewayAndTheQueryServiceScaleAndEveryServiceKeepsAPodThroughADisruption(Overlay overlay) {
        assertThat(overlay.all(HorizontalPodAutoscaler.class))
                .extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("api-gateway", "query-service");
        Set<String> protectedByBudget = new TreeSet<>();
        for (PodDisruptionBudget budget : overlay.all(PodDisruptionBudget.class)) {
            protectedByBudget.add(budget.getSpec().getSelector().getMatchLabels().get("app.kubernetes.io/name"));
        }
        assertThat(protectedByBudget).containsAll(SERVICES).contains("mongodb");
    }

    @Test
    void prodRunsMoreThanOneInstanceOfEveryService() throws Exception {
        Overlay prod = Overlay.render("prod");
        for (String name : SERVICES) {
            assertThat(prod.get(Deployment.class, name).getSpec().getReplicas()).as(name).isGreaterThanOrEqualTo(2);
        }
        assertThat(prod.all(Secret.class)).as("production secrets come from the cluster, never from the repository").isEmpty();
    }

    /** The workloads whose pod labels match one of the "from" pod selectors of the policy. */
    private static Set<String> podsAdmittedBy(Overlay overlay, String policyName) {
        NetworkPolicy policy = overlay.get(NetworkPolicy.class, policyName);
        List<Map<String, String>> selectors = new ArrayList<>();
        policy.getSpec().getIngress().forEach(rule -> {
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
                    selectors.add(peer.getPodSelector().getMatchLabels());
                }
            }
        });
        Set<String> admitted = new TreeSet<>();
        for (Overlay.Workload workload : overlay.workloads()) {
            Map<String, String> labels = workload.template().getMetadata().getLabels();
            if (selectors.stream().anyMatch(s -> labels.entrySet().containsAll(s.entrySet()))) {
                admitted.add(workload.name());
            }
        }
        return admitted;
    }

    private static int containerPort(Container container, IntOrString port) {
        if (port.getIntVal() != null) {
            return port.getIntVal();
        }
        return container.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst()
                .orElseThrow(() -> new AssertionError("no container port named " + port.getStrVal()));
    }

    private static String path(Probe probe) {
        return probe.getHttpGet() == null ? null : probe.getHttpGet().getPath();
    }
}
