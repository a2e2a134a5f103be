package dev.processpool.internal.launch;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;

/**
 * A directory whose files every worker JVM runs (cached jars, class-data archives): only this user may write
 * there, or another user could put code into our workers.
 */
final class PrivateDirectory {
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    private PrivateDirectory() {
    }

    /**
     * Creates {@code directory} private if it is missing.
     *
     * @param what the cache it holds, for the message
     * @param property the system property that names another
     * @throws IllegalStateException if it exists but another user owns it or others may open it
     */
    static Path ensure(Path directory, String what, String property) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            if (posix) {
                Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PRIVATE));
            } else {
                Files.createDirectories(directory);
            }
        }
        if (posix) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(directory, LinkOption.NOFOLLOW_LINKS);
            UserPrincipal owner = Files.getOwner(directory, LinkOption.NOFOLLOW_LINKS);
            if (!permissions.equals(PRIVATE) || !owner.equals(currentUser(directory))) {
                throw new IllegalStateException("cannot start worker JVMs: the " + what + " " + directory
                        + " is not private (owner " + owner.getName() + ", " + PosixFilePermissions.toString(permissions)
                        + "); make it rwx------ and this user's, or name another with -D" + property);
            }
        }
        return directory;
    }

    /** Who this JVM runs as, the way the file system names owners: the owner of a file it creates. */
    private static UserPrincipal currentUser(Path directory) throws IOException {
        Path probe = Files.createTempFile(directory, "owner-", ".tmp");
        try {
            return Files.getOwner(probe);
        } finally {
            Files.delete(probe);
        }
    }
}
