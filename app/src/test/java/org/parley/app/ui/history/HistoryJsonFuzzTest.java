package org.parley.app.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the history file reader: any text either reads or fails with {@link
 * HistoryJson.HistoryFormatException} (never another exception), and what reads writes back to
 * the same contents. Plain JUnit runs replay the seeds in {@code HistoryJsonFuzzTestInputs/read/};
 * set {@code JAZZER_FUZZ=1} to fuzz.
 */
class HistoryJsonFuzzTest {
  @FuzzTest(maxDuration = "15s")
  void read(FuzzedDataProvider data) throws Exception {
    String text = data.consumeRemainingAsString();
    HistoryJson.Contents contents;
    try {
      contents = HistoryJson.read(text);
    } catch (HistoryJson.HistoryFormatException expected) {
      return;
    }
    String again = HistoryJson.write(contents.entries(), contents.unseenMissed());
    HistoryJson.Contents reread = HistoryJson.read(again);
    assertEquals(contents.entries(), reread.entries());
    assertEquals(contents.unseenMissed(), reread.unseenMissed());
  }
}
