package org.parley.app.ui.settings;

import java.awt.BorderLayout;
import java.awt.Dialog;
import java.awt.FlowLayout;
import java.awt.GridBagLayout;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import javax.swing.AbstractAction;
import javax.swing.BorderFactory;
import javax.swing.ButtonGroup;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import org.parley.app.ui.UiEvents;
import org.parley.app.ui.prefs.AppPreferences;
import org.parley.app.ui.prefs.Theme;
import org.parley.app.ui.theme.Themes;
import org.parley.sdk.ParleyClient;
import org.parley.sdk.device.CameraProperty;
import org.parley.sdk.device.DeviceKind;
import org.parley.sdk.device.MediaDevice;
import org.parley.sdk.device.MediaDeviceCallback;

/**
 * The Settings dialog: camera, microphone and speaker from the SDK's lists, with a live camera
 * preview ({@link CameraPreview}) and a microphone level meter ({@link MicrophoneMeter}); video
 * size, frame rate and bitrate cap; light, dark or system theme.
 *
 * <p>The theme applies at once as a preview, and choosing a camera switches the SDK's camera so
 * the preview shows it; Cancel (or closing the window) puts both back. OK writes every choice to
 * {@link AppPreferences} (saved on a background thread; a failure is shown in words) and hands
 * the devices and the camera property to the SDK. The bitrate cap is only saved: the SDK reads it
 * from {@code MediaOptions} when the client is built. Device lists, the SDK preview and the
 * microphone are opened off the Swing thread. Build and show on the Swing thread.
 */
public final class SettingsDialog extends JDialog {
  private static final long serialVersionUID = 1L;

  private final transient ParleyClient client;
  private final transient UiEvents events;
  private final transient AppPreferences prefs;
  private final transient ExecutorService ownedWorker;
  private final transient java.util.concurrent.Executor worker;
  private final transient MediaDeviceCallback deviceCallback;
  private final JComboBox<DeviceItem> camera = new JComboBox<>();
  private final JComboBox<DeviceItem> microphone = new JComboBox<>();
  private final JComboBox<DeviceItem> speaker = new JComboBox<>();
  private final JComboBox<VideoChoices.Resolution> resolution;
  private final JComboBox<VideoChoices.Fps> fps;
  private final JComboBox<VideoChoices.Bitrate> bitrate;
  private final JRadioButton light = new JRadioButton("Light");
  private final JRadioButton dark = new JRadioButton("Dark");
  private final JRadioButton system = new JRadioButton("System");
  private final CameraPreview preview;
  private final MicrophoneMeter meter;
  private final Theme originalTheme;
  private final String originalCamera;
  private boolean filling;
  private boolean closed;

  public SettingsDialog(Window owner, ParleyClient client, UiEvents events, AppPreferences prefs, LevelMeterSource meters) {
    super(owner, "Settings", Dialog.ModalityType.APPLICATION_MODAL);
    this.client = Objects.requireNonNull(client, "client");
    this.events = Objects.requireNonNull(events, "events");
    this.prefs = Objects.requireNonNull(prefs, "prefs");
    Objects.requireNonNull(meters, "meters");
    ownedWorker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "parley-settings");
      t.setDaemon(true);
      return t;
    });
    worker = task -> {
      try {
        ownedWorker.execute(task);
      } catch (RejectedExecutionException e) {
        // Late clean-up (a device that finished opening after the dialog closed).
        Thread t = new Thread(task, "parley-settings-late");
        t.setDaemon(true);
        t.start();
      }
    };
    originalTheme = prefs.theme();
    originalCamera = client.mediaDevice().currentCameraId();
    preview = new CameraPreview(client.mediaDevice(), worker);
    meter = new MicrophoneMeter(meters, worker);
    resolution = new JComboBox<>(VideoChoices.resolutions(prefs.videoWidth(), prefs.videoHeight())
        .toArray(VideoChoices.Resolution[]::new));
    resolution.setSelectedItem(new VideoChoices.Resolution(prefs.videoWidth(), prefs.videoHeight()));
    fps = new JComboBox<>(VideoChoices.frameRates(prefs.videoFps()).toArray(VideoChoices.Fps[]::new));
    fps.setSelectedItem(new VideoChoices.Fps(prefs.videoFps()));
    bitrate = new JComboBox<>(VideoChoices.bitrates(prefs.maxBitrateKbps()).toArray(VideoChoices.Bitrate[]::new));
    bitrate.setSelectedItem(new VideoChoices.Bitrate(prefs.maxBitrateKbps()));

    setContentPane(layoutContent());
    setDefaultCloseOperation(DO_NOTHING_ON_CLOSE);
    addWindowListener(new WindowAdapter() {
      @Override
      public void windowOpened(WindowEvent e) {
        preview.start();
      }

      @Override
      public void windowClosing(WindowEvent e) {
        cancel();
      }
    });
    deviceCallback = new MediaDeviceCallback() {
      @Override
      public void onDeviceListChanged(DeviceKind kind) {
        listDevices();
      }

      @Override
      public void onPreviewError(String message) {
        if (!closed) {
          preview.showProblem(org.parley.app.ui.text.UserMessages.deviceProblem("camera", message));
        }
      }
    };
    events.addDeviceCallback(deviceCallback);
    camera.addActionListener(e -> cameraChosen());
    microphone.addActionListener(e -> microphoneChosen());
    pack();
    setLocationRelativeTo(owner);
    listDevices();
    meter.open(prefs.microphone() == null ? DeviceItem.SDK_DEFAULT : prefs.microphone());
  }

  private JPanel layoutContent() {
    JPanel form = new JPanel(new GridBagLayout());
    form.setBorder(BorderFactory.createEmptyBorder(16, 16, 8, 16));
    name(camera, "settings.camera", "Camera");
    name(microphone, "settings.microphone", "Microphone");
    name(speaker, "settings.speaker", "Speaker");
    name(resolution, "settings.resolution", "Resolution");
    name(fps, "settings.fps", "Frame rate");
    name(bitrate, "settings.bitrate", "Maximum bitrate");
    for (JComboBox<DeviceItem> c : List.of(camera, microphone, speaker)) {
      c.addItem(new DeviceItem("", "Looking for devices\u2026"));
      c.setEnabled(false);
    }
    int row = 0;
    row = FormRows.section(form, row, "Devices");
    row = FormRows.field(form, row, "Camera", camera);
    row = FormRows.field(form, row, "", preview);
    row = FormRows.field(form, row, "Microphone", microphone);
    row = FormRows.field(form, row, "", meter);
    row = FormRows.field(form, row, "Speaker", speaker);
    row = FormRows.field(form, row, "", new SpeakerTest(worker));
    row = FormRows.section(form, row, "Video");
    row = FormRows.field(form, row, "Resolution", resolution);
    row = FormRows.field(form, row, "Frame rate", fps);
    row = FormRows.field(form, row, "Maximum bitrate", bitrate);
    row = FormRows.section(form, row, "Appearance");
    light.setName("settings.theme.light");
    dark.setName("settings.theme.dark");
    system.setName("settings.theme.system");
    ButtonGroup themes = new ButtonGroup();
    JPanel themeRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
    for (JRadioButton b : List.of(light, dark, system)) {
      themes.add(b);
      themeRow.add(b);
      b.setBorder(BorderFactory.createEmptyBorder(0, 0, 0, 16));
      b.addActionListener(e -> Themes.apply(chosenTheme()));
    }
    switch (originalTheme) {
      case LIGHT -> light.setSelected(true);
      case DARK -> dark.setSelected(true);
      default -> system.setSelected(true);
    }
    FormRows.field(form, row, "Theme", themeRow);

    JButton ok = new JButton("OK");
    ok.setName("settings.ok");
    ok.addActionListener(e -> ok());
    JButton cancel = new JButton("Cancel");
    cancel.setName("settings.cancel");
    cancel.addActionListener(e -> cancel());
    JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
    buttons.setBorder(BorderFactory.createEmptyBorder(8, 16, 16, 16));
    buttons.add(cancel);
    buttons.add(ok);
    getRootPane().setDefaultButton(ok);
    getRootPane().getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW)
        .put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "settings.cancel");
    getRootPane().getActionMap().put("settings.cancel", new AbstractAction() {
      private static final long serialVersionUID = 1L;

      @Override
      public void actionPerformed(ActionEvent e) {
        cancel();
      }
    });

    JPanel content = new JPanel(new BorderLayout());
    content.add(form, BorderLayout.CENTER);
    content.add(buttons, BorderLayout.SOUTH);
    return content;
  }

  private static void name(JComponent c, String name, String accessible) {
    c.setName(name);
    c.getAccessibleContext().setAccessibleName(accessible);
  }

  /** Reads the device lists on the worker and fills the three lists, keeping the choices. */
  private void listDevices() {
    MediaDevice device = client.mediaDevice();
    worker.execute(() -> {
      List<DeviceItem> cams = DeviceItem.of(device.cameras(), false);
      List<DeviceItem> mics = DeviceItem.of(device.microphones(), true);
      List<DeviceItem> spks = DeviceItem.of(device.speakers(), true);
      SwingUtilities.invokeLater(() -> {
        if (closed) {
          return;
        }
        filling = true;
        try {
          fill(camera, cams, camera.isEnabled() ? selectedId(camera) : device.currentCameraId());
          fill(microphone, mics, microphone.isEnabled() ? selectedId(microphone) : prefs.microphone());
          fill(speaker, spks, speaker.isEnabled() ? selectedId(speaker) : prefs.speaker());
        } finally {
          filling = false;
        }
      });
    });
  }

  private static void fill(JComboBox<DeviceItem> box, List<DeviceItem> items, String selectedId) {
    box.removeAllItems();
    DeviceItem pick = items.isEmpty() ? null : items.get(0);
    for (DeviceItem i : items) {
      box.addItem(i);
      if (Objects.equals(i.id(), selectedId)) {
        pick = i;
      }
    }
    box.setSelectedItem(pick);
    box.setEnabled(!items.isEmpty());
  }

  private static String selectedId(JComboBox<DeviceItem> box) {
    Object o = box.getSelectedItem();
    return o instanceof DeviceItem d ? d.id() : null;
  }

  private void cameraChosen() {
    if (filling || closed || !camera.isEnabled()) {
      return;
    }
    String id = selectedId(camera);
    MediaDevice device = client.mediaDevice();
    if (id == null || id.equals(device.currentCameraId())) {
      return;
    }
    preview.stop();
    worker.execute(() -> {
      try {
        device.switchCamera(id);
      } catch (IllegalArgumentException e) {
        System.getLogger(SettingsDialog.class.getName()).log(System.Logger.Level.WARNING,
            "camera " + id + " cannot be used: " + e.getMessage());
      }
    });
    preview.start();
  }

  private void microphoneChosen() {
    if (filling || closed || !microphone.isEnabled()) {
      return;
    }
    Object o = microphone.getSelectedItem();
    if (o instanceof DeviceItem d) {
      meter.open(d.sdkId());
    }
  }

  private Theme chosenTheme() {
    return light.isSelected() ? Theme.LIGHT : dark.isSelected() ? Theme.DARK : Theme.SYSTEM;
  }

  /** Saves every choice and hands the devices to the SDK, then closes. */
  private void ok() {
    if (closed) {
      return;
    }
    VideoChoices.Resolution r = (VideoChoices.Resolution) resolution.getSelectedItem();
    VideoChoices.Fps f = (VideoChoices.Fps) fps.getSelectedItem();
    VideoChoices.Bitrate b = (VideoChoices.Bitrate) bitrate.getSelectedItem();
    MediaDevice device = client.mediaDevice();
    if (camera.isEnabled()) {
      prefs.setCamera(selectedId(camera));
    }
    if (microphone.isEnabled()) {
      prefs.setMicrophone(selectedId(microphone));
    }
    if (speaker.isEnabled()) {
      prefs.setSpeaker(selectedId(speaker));
    }
    prefs.setVideo(r.width(), r.height(), f.fps());
    prefs.setMaxBitrateKbps(b.kbps());
    prefs.setTheme(chosenTheme());
    String cameraId = prefs.camera();
    String mic = prefs.microphone();
    String spk = prefs.speaker();
    closeDown();
    worker.execute(() -> {
      try {
        device.setCameraProperty(new CameraProperty(r.width(), r.height(), f.fps()));
      } catch (IllegalArgumentException e) {
        System.getLogger(SettingsDialog.class.getName()).log(System.Logger.Level.WARNING, e.getMessage());
      }
      if (cameraId != null && !cameraId.equals(device.currentCameraId())) {
        device.switchCamera(cameraId);
      }
      device.setMicrophone(mic == null ? DeviceItem.SDK_DEFAULT : mic);
      device.setMaxBitrateKbps(b.kbps());
      device.setSpeaker(spk == null ? DeviceItem.SDK_DEFAULT : spk);
      try {
        prefs.save();
      } catch (IOException e) {
        String why = "Your settings could not be saved (" + e.getMessage() + "). They apply until Parley quits.";
        SwingUtilities.invokeLater(() -> JOptionPane.showMessageDialog(getOwner(), why, "Settings",
            JOptionPane.WARNING_MESSAGE));
      }
    });
    ownedWorker.shutdown();
  }

  /** Puts the theme and the camera back as they were, then closes. */
  private void cancel() {
    if (closed) {
      return;
    }
    if (chosenTheme() != originalTheme) {
      Themes.apply(originalTheme);
    }
    MediaDevice device = client.mediaDevice();
    closeDown();
    if (originalCamera != null && !originalCamera.equals(device.currentCameraId())) {
      worker.execute(() -> device.switchCamera(originalCamera));
    }
    ownedWorker.shutdown();
  }

  /** Stops the preview and the meter, unsubscribes and disposes (the worker finishes its queue). */
  private void closeDown() {
    closed = true;
    events.removeDeviceCallback(deviceCallback);
    preview.stop();
    meter.close();
    dispose();
  }
}
