// Reading a QR code with the phone's camera. Where the browser has a BarcodeDetector that reads QR
// codes (Chrome on Android) it is used; elsewhere (Safari on iPhones, Firefox, desktop Chromium)
// the vendored jsQR reads the camera's frames from a canvas. Without a camera the app offers a
// text box instead (the caller checks `canScan`).
export const canScan = Boolean(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);

const JSQR = new URL("./vendor/jsqr/jsQR.js", import.meta.url).href;

async function nativeReader() {
  if (!("BarcodeDetector" in window)) return null;
  try {
    const formats = await window.BarcodeDetector.getSupportedFormats();
    if (!formats.includes("qr_code")) return null;
  } catch (error) {
    return null;
  }
  const detector = new window.BarcodeDetector({ formats: ["qr_code"] });
  return async (video) => {
    const codes = await detector.detect(video);
    return codes.length ? codes[0].rawValue : null;
  };
}

function loadScript(src) {
  if (window.jsQR) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = src;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
}

async function canvasReader() {
  await loadScript(JSQR);
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  return async (video) => {
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!width || !height) return null;
    canvas.width = width;
    canvas.height = height;
    context.drawImage(video, 0, 0, width, height);
    const pixels = context.getImageData(0, 0, width, height).data;
    const code = window.jsQR(pixels, width, height, { inversionAttempts: "dontInvert" });
    return code ? code.data : null;
  };
}

// Opens the camera in `video` and calls `found(text)` once with the first code read; returns a
// function that stops the camera.
export async function scanStart(video, found) {
  const read = (await nativeReader()) || (await canvasReader());
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
      const text = await read(video);
      if (text) {
        stop();
        found(text);
        return;
      }
    } catch (error) {
      // A frame that could not be read: try the next one.
    }
    setTimeout(look, 250);
  };
  look();
  return stop;
}
