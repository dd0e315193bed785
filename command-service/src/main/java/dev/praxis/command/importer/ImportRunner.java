package dev.praxis.command.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The command service started as an importer ({@code --praxis.import.dir=<dump folder>}, usually
 * without its web server): imports the dump into the configured event store, prints the progress
 * to stderr and the report to stdout, and exits (0 when the import ran to the end, whatever it had
 * to skip; 1 when it could not run). See the README, "Import a Stack Exchange dump".
 */
@Component
@ConditionalOnProperty("praxis.import.dir")
class ImportRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final StackExchangeImporter importer;
    private final Environment environment;
    private final ConfigurableApplicationContext context;

    ImportRunner(StackExchangeImporter importer, Environment environment, ConfigurableApplicationContext context) {
        this.importer = importer;
        this.environment = environment;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code = runImport();
        if (environment.getProperty("praxis.import.exit", Boolean.class, true)) {
            System.exit(SpringApplication.exit(context, () -> code));
        }
    }

    int runImport() {
        Path dir = Path.of(environment.getRequiredProperty("praxis.import.dir"));
        if (!Files.isDirectory(dir)) {
            System.err.println("Not a folder: " + dir.toAbsolutePath());
            return 1;
        }
        StackExchangeImporter.Options options;
        try {
            options = new StackExchangeImporter.Options(dir,
                    environment.getProperty("praxis.import.source", StackExchangeImporter.Options.sourceOf(dir)),
                    environment.getProperty("praxis.import.community"),
                    environment.getProperty("praxis.import.owner", "importer"),
                    environment.getProperty("praxis.import.owner-name", "Importer"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 1;
        }
        System.err.println("Importing " + dir.toAbsolutePath() + " as community "
                + StackExchangeImporter.communityIdOf(options.source()) + " ...");
        ImportProgress progress = new ImportProgress(System.err);
        try {
            ImportReport report = importer.run(options, progress);
            progress.done(report);
            System.out.println();
            System.out.println("Community " + report.communityId());
            System.out.print(report.format());
            return 0;
        } catch (RuntimeException e) {
            log.error("The import stopped", e);
            System.err.println("The import stopped: " + e.getMessage() + " (run it again to resume)");
            return 1;
        }
    }
}
