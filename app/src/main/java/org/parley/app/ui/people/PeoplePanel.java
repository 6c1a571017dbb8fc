package org.parley.app.ui.people;

import com.formdev.flatlaf.FlatClientProperties;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.event.ActionEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ScrollPaneConstants;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import org.parley.app.ui.CallActions;
import org.parley.app.ui.UiEvents;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.Peer;

/**
 * The people list of the main window: everyone the server reports (never the own user), with
 * presence, a search field that filters by name or user id as you type, and a video-call and a
 * voice-call button per person. The echo-test bot is pinned at the top as "Echo test". Calls go
 * to {@link CallActions#placeCall}. Keyboard: Down or Enter in the search field moves into the
 * list; Up/Down/Home/End select; Enter calls the selected person with video, Shift+Enter voice
 * only; Escape clears the search.
 *
 * <p>Construct and use on the Swing event thread. It subscribes to {@code events} at once (peer
 * lists and presence); a burst of presence updates is coalesced into one refresh on the event
 * queue, and only the rows on screen exist as components (see {@link PeerListView}). Call
 * {@link #detach()} when the panel is thrown away before the {@link UiEvents} hub.
 */
public final class PeoplePanel extends JPanel {
  private static final long serialVersionUID = 1L;
  static final String EMPTY_TEXT =
      "No one else is online yet. Others on your network can join with the address below.";

  private final transient UiEvents events;
  private final transient CallActions actions;
  private final transient PeerDirectory directory;
  private final JTextField search = new JTextField();
  private final PeerListView view = new PeerListView(this::newRow);
  private final JTextArea empty = message("people.empty");
  private final JTextArea noMatch = message("people.nomatch");
  private final transient ParleyClient.Listener listener = new ParleyClient.Listener() {
    @Override
    public void onPeersChanged(List<Peer> peers) {
      onEventThread(() -> {
        if (directory.replaceAll(peers)) {
          scheduleRefresh();
        }
      });
    }

    @Override
    public void onPresence(Peer peer) {
      onEventThread(() -> {
        if (directory.update(peer)) {
          scheduleRefresh();
        }
      });
    }
  };
  private final transient MouseAdapter rowClicks = new MouseAdapter() {
    @Override
    public void mousePressed(MouseEvent e) {
      if (e.getComponent() instanceof PeerRow row) {
        select(row.user());
        view.requestFocusInWindow();
      }
    }
  };
  private boolean refreshQueued;
  private String selected;

  /**
   * A people list fed by {@code events}, calling through {@code actions}; {@code ownUserId} is
   * never shown (null shows everyone).
   */
  public PeoplePanel(UiEvents events, CallActions actions, String ownUserId) {
    super(new BorderLayout());
    this.events = Objects.requireNonNull(events, "events");
    this.actions = Objects.requireNonNull(actions, "actions");
    this.directory = new PeerDirectory(ownUserId);
    setName("people");

    search.setName("people.search");
    search.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, "Search people");
    search.putClientProperty(FlatClientProperties.TEXT_FIELD_SHOW_CLEAR_BUTTON, true);
    search.putClientProperty(FlatClientProperties.TEXT_FIELD_LEADING_ICON, new SearchIcon());
    search.getAccessibleContext().setAccessibleName("Search people");
    search.getDocument().addDocumentListener(new DocumentListener() {
      @Override
      public void insertUpdate(DocumentEvent e) { refresh(); }

      @Override
      public void removeUpdate(DocumentEvent e) { refresh(); }

      @Override
      public void changedUpdate(DocumentEvent e) { refresh(); }
    });
    JPanel top = new JPanel(new BorderLayout());
    top.setOpaque(false);
    top.setBorder(BorderFactory.createEmptyBorder(10, 12, 8, 12));
    top.add(search);

    view.add(empty);
    view.add(noMatch);
    view.getAccessibleContext().setAccessibleName("People");
    JScrollPane scroll = new JScrollPane(view, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
        ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
    scroll.setName("people.scroll");
    scroll.setBorder(BorderFactory.createEmptyBorder());
    scroll.getViewport().setOpaque(false);
    scroll.setOpaque(false);

    add(top, BorderLayout.NORTH);
    add(scroll, BorderLayout.CENTER);
    bindKeys();
    refresh();
    events.addClientListener(listener);
  }

  /** Stops listening to the hub (idempotent). */
  public void detach() {
    events.removeClientListener(listener);
  }

  /** The user ids shown, top to bottom (after the search filter). */
  public List<String> shownUsers() {
    List<String> out = new ArrayList<>();
    for (PeerDirectory.Entry e : view.items()) {
      out.add(e.user());
    }
    return out;
  }

  /**
   * The name to show for {@code userId}: the display name last reported for them ("Echo test"
   * for the echo bot), else the user id itself. Usable as the {@code displayNameOf} function of
   * the call window, the history and the incoming-call notifier (event thread only).
   */
  public String displayNameOf(String userId) {
    PeerDirectory.Entry e = userId == null ? null : directory.get(userId);
    if (e != null) {
      return e.displayName();
    }
    return PeerDirectory.ECHO_USER.equals(userId) ? PeerDirectory.ECHO_NAME : userId;
  }

  /** The user id of the selected row, or null. */
  public String selectedUser() {
    return selected;
  }

  private static JTextArea message(String componentName) {
    JTextArea a = new JTextArea() {
      private static final long serialVersionUID = 1L;

      @Override
      public void updateUI() {
        super.updateUI();
        setForeground(UIManager.getColor("Label.disabledForeground")); // follows theme changes
      }
    };
    a.setName(componentName);
    a.setEditable(false);
    a.setFocusable(false);
    a.setLineWrap(true);
    a.setWrapStyleWord(true);
    a.setOpaque(false);
    a.setBorder(BorderFactory.createEmptyBorder(24, 24, 24, 24));
    a.setVisible(false);
    return a;
  }

  private static void onEventThread(Runnable r) {
    if (SwingUtilities.isEventDispatchThread()) {
      r.run();
    } else {
      SwingUtilities.invokeLater(r);
    }
  }

  private void scheduleRefresh() {
    if (!refreshQueued) {
      refreshQueued = true;
      SwingUtilities.invokeLater(() -> {
        refreshQueued = false;
        refresh();
      });
    }
  }

  /** Shows the directory through the search filter (rows are bound lazily by the view). */
  private void refresh() {
    String query = search.getText().strip();
    List<PeerDirectory.Entry> shown = directory.matching(query);
    Component message = null;
    if (query.isEmpty() && !directory.hasOthers()) {
      empty.setText(EMPTY_TEXT);
      message = empty;
    } else if (shown.isEmpty()) {
      noMatch.setText("No one matches \u201c" + query + "\u201d.");
      message = noMatch;
    }
    view.setItems(shown, message);
    if (selected != null && view.indexOf(selected) < 0) {
      select(null);
    }
  }

  private PeerRow newRow() {
    PeerRow row = new PeerRow(this::call);
    row.addMouseListener(rowClicks);
    return row;
  }

  private void call(String user, boolean video) {
    actions.placeCall(user, video);
  }

  private void select(String user) {
    selected = user;
    view.setSelected(user);
    int index = user == null ? -1 : view.indexOf(user);
    if (index >= 0) {
      view.scrollRectToVisible(view.rowBounds(index));
    }
  }

  private void moveSelection(int delta, boolean toEnd) {
    List<String> users = shownUsers();
    if (users.isEmpty()) {
      return;
    }
    int i = selected == null ? -1 : users.indexOf(selected);
    int next;
    if (toEnd) {
      next = delta < 0 ? 0 : users.size() - 1;
    } else if (i < 0) {
      next = delta < 0 ? users.size() - 1 : 0;
    } else {
      next = Math.max(0, Math.min(users.size() - 1, i + delta));
    }
    select(users.get(next));
  }

  private void callSelected(boolean video) {
    PeerDirectory.Entry e = selected == null ? null : directory.get(selected);
    if (e != null && e.presence().reachable()) {
      call(e.user(), video);
    } else if (e != null) {
      getToolkit().beep(); // offline: nothing to call
    }
  }

  private void bindKeys() {
    InputMap in = view.getInputMap(JComponent.WHEN_FOCUSED);
    bind(in, "UP", "people.up", () -> moveSelection(-1, false));
    bind(in, "DOWN", "people.down", () -> moveSelection(1, false));
    bind(in, "HOME", "people.home", () -> moveSelection(-1, true));
    bind(in, "END", "people.end", () -> moveSelection(1, true));
    bind(in, "ENTER", "people.videoCall", () -> callSelected(true));
    bind(in, "shift ENTER", "people.voiceCall", () -> callSelected(false));
    InputMap sin = search.getInputMap(JComponent.WHEN_FOCUSED);
    Runnable intoList = () -> {
      if (selected == null) {
        moveSelection(1, false);
      }
      view.requestFocusInWindow();
    };
    bindOn(search, sin, "DOWN", "people.intoList", intoList);
    bindOn(search, sin, "ENTER", "people.intoList", intoList);
    bindOn(search, sin, "ESCAPE", "people.clearSearch", () -> search.setText(""));
  }

  private void bind(InputMap in, String key, String name, Runnable r) {
    bindOn(view, in, key, name, r);
  }

  private static void bindOn(JComponent c, InputMap in, String key, String name, Runnable r) {
    in.put(KeyStroke.getKeyStroke(key), name);
    c.getActionMap().put(name, new AbstractAction(name) {
      private static final long serialVersionUID = 1L;

      @Override
      public void actionPerformed(ActionEvent e) {
        r.run();
      }
    });
  }
}
