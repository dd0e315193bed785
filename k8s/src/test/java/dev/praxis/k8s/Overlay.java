package dev.praxis.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One overlay rendered by {@code kubectl kustomize} and parsed into typed Kubernetes objects: what
 * a cluster would receive from {@code kubectl apply -k}.
 */
record Overlay(String name, List<HasMetadata> objects) {

    static final Path K8S = Path.of(System.getProperty("praxis.k8s.dir", ".")).toAbsolutePath().normalize();

    static boolean kubectlAvailable() {
        try {
            Process process = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Overlay render(String name) throws IOException, InterruptedException {
        Path dir = K8S.resolve("overlays").resolve(name);
        Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString()).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
        }
        Object parsed = new KubernetesSerialization().unmarshal(new ByteArrayInputStream(out));
        List<HasMetadata> objects = new ArrayList<>();
        if (parsed instanceof List<?> list) {
            list.forEach(o -> objects.add((HasMetadata) o));
        } else {
            objects.add((HasMetadata) parsed);
        }
        return new Overlay(name, objects);
    }

    static List<String> names() throws IOException {
        try (Stream<Path> dirs = Files.list(K8S.resolve("overlays"))) {
            return dirs.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(this.name + ": no " + type.getSimpleName() + " " + name));
    }

    /** Every pod template: of Deployments, StatefulSets and Jobs, with the workload's kind/name. */
    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        all(Deployment.class).forEach(d -> workloads.add(new Workload("Deployment/" + d.getMetadata().getName(), d.getSpec().getTemplate(), true)));
        all(StatefulSet.class).forEach(s -> workloads.add(new Workload("StatefulSet/" + s.getMetadata().getName(), s.getSpec().getTemplate(), true)));
        all(Job.class).forEach(j -> workloads.add(new Workload("Job/" + j.getMetadata().getName(), j.getSpec().getTemplate(), false)));
        return workloads;
    }

    /** A pod template and whether it serves (a run-to-completion Job has no probes to answer). */
    record Workload(String name, PodTemplateSpec template, boolean serves) {

        List<Container> containers() {
            List<Container> containers = new ArrayList<>(template.getSpec().getContainers());
            if (template.getSpec().getInitContainers() != null) {
                containers.addAll(template.getSpec().getInitContainers());
            }
            return containers;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
