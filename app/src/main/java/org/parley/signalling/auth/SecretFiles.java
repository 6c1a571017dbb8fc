package org.parley.signalling.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The server secret on disk: one line of text whose UTF-8 bytes are the HMAC key. Generated
 * secrets are 32 random bytes in base64url (43 characters). Files are created readable by
 * the owner only (0600) where the file system has POSIX permissions. Callers handle
 * {@link IOException} (missing, unreadable or empty file).
 */
public final class SecretFiles {
  private SecretFiles() {}

  /** The default location, {@code ~/.parley/server-secret}. */
  public static Path defaultPath() {
    return Path.of(System.getProperty("user.home"), ".parley", "server-secret");
  }

  /** A fresh random secret as text. */
  public static String generate() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HmacSha256.B64.encodeToString(bytes);
  }

  /** Reads the secret in {@code file} (trimmed); fails when it is empty. */
  public static byte[] read(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).trim();
    if (text.isEmpty()) {
      throw new IOException("the secret file " + file + " is empty");
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** Writes {@code secret} to a new file {@code file} with mode 0600 (parents created 0700). */
  public static void write(Path file, String secret) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    if (parent != null && !Files.isDirectory(parent)) {
      if (posix) {
        Files.createDirectories(parent,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(parent);
      }
    }
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    if (posix) {
      Files.createFile(file,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(file);
    }
    Files.writeString(file, secret + "\n", StandardCharsets.UTF_8,
        StandardOpenOption.TRUNCATE_EXISTING);
  }

  /**
   * The secret in {@code file}, creating the file with a fresh secret first when it does not
   * exist. Returns whether it was created through {@code created[0]} when non-null.
   */
  public static byte[] readOrCreate(Path file, boolean[] created) throws IOException {
    boolean made = false;
    if (!Files.exists(file)) {
      try {
        write(file, generate());
        made = true;
      } catch (FileAlreadyExistsException raced) {
        // Another process made it first: use theirs.
      }
    }
    if (created != null && created.length > 0) {
      created[0] = made;
    }
    return read(file);
  }
}
