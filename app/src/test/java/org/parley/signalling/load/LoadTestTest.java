package org.parley.signalling.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.app.cli.LoadTestCommand;

/** A small load test against an embedded server: every setup must complete, without errors. */
class LoadTestTest {
  @ParameterizedTest(name = "presence {0}")
  @ValueSource(strings = {"watch", "all"})
  void smallRunCompletesEverySetup(String presence) throws Exception {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    LoadTestOptions o = LoadTestOptions.parse(List.of("--embedded", "--clients", "50",
        "--rate", "10", "--duration", "2", "--user-prefix", "lt", "--presence", presence));
    assertEquals(presence.equals("watch"), o.watchPresence);
    LoadReport r = new LoadTest(o, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    r.print(new PrintStream(text, true, StandardCharsets.UTF_8));
    String report = text.toString(StandardCharsets.UTF_8);
    assertEquals(50, r.loggedIn, report);
    assertTrue(r.setupsStarted > 0, report);
    assertEquals(r.setupsStarted, r.setupsCompleted, report);
    assertEquals(0, r.setupsFailed, report);
    assertEquals(java.util.Map.of(), r.errors, report);
    assertEquals(r.setupsCompleted, r.inviteToAccept.count(), report);
    assertEquals(4 * r.setupsCompleted, r.requestAck.count(), "invite, ringing, accept, hangup");
    assertTrue(r.allSetupsCompleted(), report);
    assertTrue(report.contains("p99"), report);
    assertTrue(report.contains("presence " + presence), report);
    if (presence.equals("watch")) {
      // one current status per client after its watch, plus the neighbour's later changes
      assertTrue(r.presenceReceived < 50 * 10, report);
    } else {
      assertTrue(r.presenceReceived >= 50 * 49 / 2, "everyone hears of later logins: " + report);
    }
  }

  @Test
  void commandRejectsBadArguments() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    String[][] cases = {
        {},                                          // neither --url nor --embedded
        {"--embedded", "--clients", "many"},         // not a number
        {"--embedded", "--rate", "0"},               // out of range
        {"--url", "http://127.0.0.1:1/x"},           // wrong scheme
        {"--embedded", "--url", "ws://127.0.0.1:1"}, // both
        {"--embedded", "--frobnicate"},              // unknown option
        {"--embedded", "--clients"},                 // missing value
        {"--embedded", "--presence", "some"},        // not a presence mode
    };
    for (String[] args : cases) {
      err.reset();
      assertEquals(2, LoadTestCommand.run(List.of(args), out, errStream), List.of(args).toString());
      assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("parley loadtest: "),
          err.toString(StandardCharsets.UTF_8));
    }
  }
}
