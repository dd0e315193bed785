package dev.praxis.bench;

import dev.praxis.local.Service;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Samples the used heap of each service once a second from its Prometheus endpoint
 * ({@code jvm_memory_used_bytes{area="heap"}}, summed over the pools) and keeps the peak per phase.
 */
final class HeapSampler implements AutoCloseable {

    private final Http http = new Http();
    private final Map<Service, String> urls;
    private final Map<String, Map<Service, Long>> peaks = new LinkedHashMap<>();
    private volatile String phase;
    private final Thread thread;

    HeapSampler(Map<Service, String> serviceUrls) {
        this.urls = serviceUrls;
        this.thread = new Thread(this::loop, "bench-heap");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void phase(String name) {
        phase = name;
        if (name != null) {
            peaks.putIfAbsent(name, new EnumMap<>(Service.class));
        }
    }

    synchronized Map<String, Map<Service, Long>> peaks() {
        Map<String, Map<Service, Long>> copy = new LinkedHashMap<>();
        peaks.forEach((k, v) -> copy.put(k, new EnumMap<>(v)));
        return copy;
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            String current = phase;
            if (current != null) {
                urls.forEach((service, url) -> {
                    try {
                        long used = heapUsed(http.getText(url + "/actuator/prometheus"));
                        synchronized (this) {
                            Map<Service, Long> p = peaks.get(current);
                            if (p != null) {
                                p.merge(service, used, Math::max);
                            }
                        }
                    } catch (Exception e) {
                        // a service that is restarting has no figure this second
                    }
                });
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static long heapUsed(String prometheus) {
        long sum = 0;
        for (String line : prometheus.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
