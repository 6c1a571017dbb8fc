package org.parley.media.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parley.media.jni.ParleyCore;

/** The Java list of statistics matches the native one, name by name and in order. */
class CallStatisticTest {
  @Test
  void namesAndOrderMatchTheCore() {
    assertEquals(ParleyCore.callStatisticCount(), CallStatistic.values().length);
    for (CallStatistic statistic : CallStatistic.values()) {
      assertEquals(
          ParleyCore.callStatisticName(statistic.ordinal()), statistic.nativeName(), statistic.name());
    }
    assertEquals("", ParleyCore.callStatisticName(CallStatistic.values().length));
  }

  @Test
  void cryptoAttributesAreFreshRfc4568Lines() {
    String first = CryptoSuite.AES_CM_128_HMAC_SHA1_80.newCryptoAttribute(1);
    String second = CryptoSuite.AES_CM_128_HMAC_SHA1_80.newCryptoAttribute(1);
    assertEquals(true, first.matches("1 AES_CM_128_HMAC_SHA1_80 inline:[A-Za-z0-9+/]{40}"), first);
    assertEquals(false, first.equals(second), "each key is random");
    String gcm = CryptoSuite.AEAD_AES_128_GCM.newCryptoAttribute(7);
    assertEquals(true, gcm.startsWith("7 AEAD_AES_128_GCM inline:"), gcm);
  }
}
