package org.parley.media.jni;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiVersionTest {
  @Test
  void matchingVersionsPass() {
    assertDoesNotThrow(() -> ApiVersion.check(3, 3, 3));
  }

  @Test
  void staleCoreLibraryIsNamed() {
    NativeApiMismatchException e =
        assertThrows(NativeApiMismatchException.class, () -> ApiVersion.check(3, 3, 2));
    assertTrue(e.getMessage().contains("native core library has API version 2"), e.getMessage());
    assertTrue(e.getMessage().contains("expects version 3"), e.getMessage());
  }

  @Test
  void mixedJniLibraryIsNamed() {
    NativeApiMismatchException e =
        assertThrows(NativeApiMismatchException.class, () -> ApiVersion.check(3, 4, 3));
    assertTrue(e.getMessage().contains("JNI library was compiled against native API version 4"));
  }
}
