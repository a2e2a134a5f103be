package dev.processpool.internal.launch;

import dev.processpool.internal.threads.Daemons;
import dev.processpool.internal.workerjvm.WorkerJvm;
import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Class-data sharing for worker JVMs: an archive of the classes a worker loads (the library, JSON-P and its
 * provider, and JSON-B for parents that use it, already parsed and verified), made once per JDK and worker class
 * path and mapped by every worker after that, which then starts faster and shares those pages with the others.
 *
 * <p>The first worker JVMs of a class path start without it while one JVM, in the background, runs a
 * worker's warm-up: on JDK 17 to 24 it lists the classes it loaded ({@code -XX:DumpLoadedClassList}) and a
 * second JVM makes a static archive of exactly those ({@code -Xshare:dump}), which workers map instead of the
 * JDK's own archive: a worker holds in memory nearly all of an archive it maps, and the JDK's has hundreds of
 * classes a worker never loads (idle worker RSS 46 against 39 MiB). On JDK 25 and later it writes an AOT cache
 * ({@code -XX:AOTCacheOutput}), which also keeps linked classes and method profiles. There are two archives of
 * each class path: one without JSON-B, for parents that have not needed it, and one with it ({@code
 * JsonbUse}). Archives live in {@value #DIRECTORY_PROPERTY}, else {@code processpool-<user>-cds} in {@code
 * java.io.tmpdir}, named by a hash of the JDK and the class path's files, so a changed jar or JDK makes a new
 * one. Like the jar cache, it is a cache kept on purpose. {@code -Dprocesspool.cds=false} turns it off; a pool's
 * own {@code jvmOptions} (say {@code -Xshare:off}) come later on the command line and win.
 */
public final class ClassDataArchive {
    static final String DIRECTORY_PROPERTY = "processpool.cdsDirectory";
    static final String ENABLED_PROPERTY = "processpool.cds";
    private static final System.Logger LOG = System.getLogger("dev.processpool.launch");
    private static final long CREATION_TIMEOUT_SECONDS = 120;
    private static final int KEPT_ARCHIVES = 8;
    /** Prefix of an archive being written: {@code writing-<archive>-<random>}. */
    private static final String WRITING = "writing-";
    private static final Path SHELL = Path.of("/bin/sh");
    private static final File NULL_FILE = new File("/dev/null");
    /** Keys whose archive this JVM is making or failed to make: each is tried once per JVM. */
    private static final Set<String> ATTEMPTED = ConcurrentHashMap.newKeySet();
    /** The archive of each JDK and class path, worked out once per JVM: every worker start asks. */
    private static final Map<String, Path> ARCHIVES = new ConcurrentHashMap<>();

    private ClassDataArchive() {
    }

    /**
     * The JVM options that map the archive for workers of {@code java} with {@code classPath}; none while the
     * archive does not exist yet, whose making this starts in the background, and none if the pool's own
     * options choose about class-data sharing themselves (JDK 25 refuses to start with two such options).
     */
    static List<String> options(Path java, String classPath, List<String> poolOptions, boolean withJsonb) {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED_PROPERTY, "true"))
                || poolOptions.stream().anyMatch(ClassDataArchive::isSharingOption)
                || Arrays.stream(classPath.split(File.pathSeparator)).map(Path::of).anyMatch(Files::isDirectory)) {
            return List.of();   // a JVM archives classes of jars only; a directory is a library being built
        }
        try {
            Format format = Format.of(java);
            Path archive = archive(java, classPath, format, withJsonb);
            if (Files.isRegularFile(archive)) {
                return List.of(format.useOption + archive);
            }
            if (ATTEMPTED.add(archive.toString())) {
                Daemons.start("processpool-cds", () -> {
                    removeStale(archive.getParent());
                    create(java, classPath, format, archive, withJsonb);
                });
            }
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.DEBUG, "no class-data archive for worker JVMs: {0}", e.toString());
        }
        return List.of();
    }

    private static Path archive(Path java, String classPath, Format format, boolean withJsonb) throws IOException {
        Path directory = directory();
        String variant = withJsonb ? "-" + WorkerJvm.ARCHIVING_WITH_JSONB : "";
        String lookup = directory + "\n" + java + "\n" + classPath + "\n" + variant;
        Path archive = ARCHIVES.get(lookup);
        if (archive == null) {
            archive = PrivateDirectory.ensure(directory, "class-data archive directory", DIRECTORY_PROPERTY)
                    .resolve(key(java, classPath) + variant + format.suffix);
            ARCHIVES.put(lookup, archive);
        }
        return archive;
    }

    private static boolean isSharingOption(String option) {
        return option.startsWith("-Xshare") || option.startsWith("-XX:SharedArchiveFile")
                || option.startsWith("-XX:ArchiveClassesAtExit") || option.startsWith("-XX:AOT")
                || option.contains("AutoCreateSharedArchive");
    }

    /**
     * Runs a reserve worker's warm-up in a JVM whose classes make the archive (see {@link Format}); a shell then
     * moves the archive in place. The shell, not this JVM, runs the steps, so that the archive lands even when
     * this JVM ends first (a short program's pool); the warm-up ends by itself within seconds. Where there is no
     * {@code /bin/sh}, no archive.
     */
    private static void create(Path java, String classPath, Format format, Path archive, boolean withJsonb) {
        if (!Files.isExecutable(SHELL) || beingWritten(archive)) {
            return;
        }
        String writing = WRITING + archive.getFileName() + "-" + UUID.randomUUID();
        List<String> command = new ArrayList<>(List.of(SHELL.toString(), "-c",
                "written=$1; archive=$2; list=$3; java=$4; cp=$5; main=$6; shift 6; " + format.steps
                        + " && mv -f -- \"$written\" \"$archive\"; status=$?; rm -f -- \"$list\"; exit $status",
                "processpool-cds", archive.resolveSibling(writing).toString(), archive.toString(),
                archive.resolveSibling(writing + ".classlist").toString(), java.toString(), classPath,
                WorkerJvm.MAIN_CLASS));
        command.addAll(WorkerCommand.DEFAULT_JVM_OPTIONS);
        command.addAll(List.of("-Xlog:disable", "-Xlog:all=error:stderr", "-D" + WorkerJvm.ARCHIVING_PROPERTY + "="
                + (withJsonb ? WorkerJvm.ARCHIVING_WITH_JSONB : "plain")));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(NULL_FILE))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().keySet().retainAll(WorkerCommand.KEPT_VARIABLES);
            Process shell = builder.start();
            if (!shell.waitFor(CREATION_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                shell.descendants().forEach(ProcessHandle::destroyForcibly);
                shell.destroyForcibly();
                throw new IOException("the archiving JVM did not end within " + CREATION_TIMEOUT_SECONDS + " s");
            }
            if (shell.exitValue() != 0 || !Files.isRegularFile(archive)) {
                throw new IOException("the archiving JVM exited with " + shell.exitValue() + " and no archive");
            }
            LOG.log(Level.DEBUG, "class-data archive for worker JVMs written: {0}", archive);
        } catch (IOException e) {
            LOG.log(Level.INFO, "worker JVMs start without a class-data archive: {0}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Another JVM is writing this archive right now. */
    private static boolean beingWritten(Path archive) {
        String prefix = WRITING + archive.getFileName() + "-";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(archive.getParent(), prefix + "*")) {
            for (Path file : files) {
                if (!isStale(file)) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    /** A file being written for longer than any archiving JVM may take: its writer is gone. */
    private static boolean isStale(Path written) {
        return modified(written).toMillis() < System.currentTimeMillis() - TimeUnit.SECONDS.toMillis(CREATION_TIMEOUT_SECONDS);
    }

    /**
     * Removes what archiving JVMs that died left half written, and all but the newest archives: each new build of
     * an application's jars makes a new one.
     */
    private static void removeStale(Path directory) {
        List<Path> archives = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(WRITING)) {
                    if (isStale(file)) {
                        Files.deleteIfExists(file);
                    }
                } else if (name.endsWith(Format.STATIC_CDS.suffix) || name.endsWith(Format.AOT_CACHE.suffix)) {
                    archives.add(file);
                }
            }
            archives.sort(Comparator.comparing(ClassDataArchive::modified).reversed());
            for (Path old : archives.subList(Math.min(KEPT_ARCHIVES, archives.size()), archives.size())) {
                Files.deleteIfExists(old);   // a worker that has it mapped keeps its pages
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.DEBUG, "cleaning {0} failed: {1}", directory, e.toString());
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        return configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "processpool-" + System.getProperty("user.name") + "-cds");
    }

    /** A hash of the JDK (its files' identity) and of every class path entry's path, size and time. */
    private static String key(Path java, String classPath) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IOException(e);
        }
        List<Path> files = new ArrayList<>(List.of(java.toRealPath()));
        Format.releaseFile(java).ifPresent(files::add);
        for (String entry : classPath.split(File.pathSeparator)) {
            files.add(Path.of(entry));
        }
        for (Path file : files) {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            digest.update((file.toAbsolutePath() + "|" + attributes.size() + "|" + attributes.lastModifiedTime().toMillis()
                    + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 16);
    }

    /**
     * How a JDK makes and maps such an archive: shell steps that run the warm-up JVM ({@code "$java" "$@" ...
     * "$main"}) and leave the archive in {@code $written}, with {@code $list} for a file between steps.
     */
    private enum Format {
        /** The warm-up lists the classes it loaded; a second JVM archives exactly those (JDK 17 to 24). */
        STATIC_CDS("-XX:SharedArchiveFile=", ".jsa", "\"$java\" \"$@\" -XX:DumpLoadedClassList=\"$list\" -cp \"$cp\" \"$main\""
                + " && \"$java\" -Xshare:dump -Xlog:disable -Xlog:all=error:stderr -XX:SharedClassListFile=\"$list\""
                + " -XX:SharedArchiveFile=\"$written\" -cp \"$cp\""),
        /** The warm-up is the AOT cache's training run (JDK 25 and later). */
        AOT_CACHE("-XX:AOTCache=", ".aot", "\"$java\" \"$@\" -XX:AOTCacheOutput=\"$written\" -cp \"$cp\" \"$main\"");

        private static final Map<Path, Format> OF_JAVA = new ConcurrentHashMap<>();
        private final String useOption;
        private final String suffix;
        private final String steps;

        Format(String useOption, String suffix, String steps) {
            this.useOption = useOption;
            this.suffix = suffix;
            this.steps = steps;
        }

        /** From the {@code release} file beside {@code bin/java}; the static archive where it says nothing. */
        static Format of(Path java) throws IOException {
            Path real = java.toRealPath();
            Format known = OF_JAVA.get(real);
            if (known != null) {
                return known;
            }
            Format format = STATIC_CDS;
            if (releaseFile(real).isPresent()) {
                for (String line : Files.readAllLines(releaseFile(real).get())) {
                    if (line.startsWith("JAVA_VERSION=") && featureVersion(line) >= 25) {
                        format = AOT_CACHE;
                    }
                }
            }
            OF_JAVA.put(real, format);
            return format;
        }

        static Optional<Path> releaseFile(Path java) throws IOException {
            Path home = java.toRealPath().getParent().getParent();
            Path release = home == null ? null : home.resolve("release");
            return release != null && Files.isRegularFile(release) ? Optional.of(release) : Optional.empty();
        }

        private static int featureVersion(String line) {
            String version = line.substring(line.indexOf('=') + 1).replace("\"", "");
            try {
                return Integer.parseInt(version.split("[.+-]")[0]);
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }
}
