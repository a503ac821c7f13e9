// Reading a QR code with the phone's camera, where the browser has BarcodeDetector. Elsewhere the
// app offers a text box instead (the caller checks `canScan`).
export const canScan = "BarcodeDetector" in window && Boolean(navigator.mediaDevices);

// Opens the camera in `video` and calls `found(text)` once with the first code read; returns a
// function that stops the camera.
export async function scanStart(video, found) {
  const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
  const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
  video.srcObject = stream;
  await video.play();
  let running = true;
  const stop = () => {
    running = false;
    stream.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  };
  const look = async () => {
    if (!running) return;
    try {
      const codes = await detector.detect(video);
      if (codes.length) {
        stop();
        found(codes[0].rawValue);
        return;
      }
    } catch (error) {
      // A frame the detector could not read: try the next one.
    }
    setTimeout(look, 250);
  };
  look();
  return stop;
}
