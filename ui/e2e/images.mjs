// Small readers of the pictures the exports write, for the end-to-end tests:
// PNG (8-bit RGB or RGBA, not interlaced: what Chromium's screenshots and
// resvg write) decoded to RGBA pixels with node's zlib, and GIF read as far
// as its size and frames. No package of their own: what they must read is
// narrow, and a test should not trust the encoder's own decoder alone.
import zlib from "node:zlib";

/** { width, height, data: RGBA bytes } of a PNG. */
export function decodePng(buf) {
  const sig = [137, 80, 78, 71, 13, 10, 26, 10];
  if (!sig.every((b, i) => buf[i] === b)) throw new Error("not a PNG");
  let pos = 8;
  let width = 0, height = 0, colorType = 0, depth = 0, interlace = 0;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString("latin1", pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + len);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      depth = body[8];
      colorType = body[9];
      interlace = body[12];
    } else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    pos += 12 + len;
  }
  const channels = { 2: 3, 6: 4 }[colorType];
  if (depth !== 8 || !channels || interlace) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colorType}, interlace ${interlace}`);
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = v & 255;
    }
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 4;
      out[o] = line[x * channels];
      out[o + 1] = line[x * channels + 1];
      out[o + 2] = line[x * channels + 2];
      out[o + 3] = channels === 4 ? line[x * channels + 3] : 255;
    }
    prev = line;
  }
  return { width, height, data: out };
}

/** { width, height, frames: [{ left, top, width, height, delay }] } of a GIF. */
export function readGif(buf) {
  if (buf.toString("latin1", 0, 6) !== "GIF89a" && buf.toString("latin1", 0, 6) !== "GIF87a") throw new Error("not a GIF");
  const width = buf.readUInt16LE(6);
  const height = buf.readUInt16LE(8);
  let pos = 13;
  if (buf[10] & 0x80) pos += 3 * (1 << ((buf[10] & 7) + 1));
  const skipBlocks = () => {
    while (buf[pos] !== 0) pos += buf[pos] + 1;
    pos++;
  };
  const frames = [];
  let delay = 0;
  while (pos < buf.length) {
    const b = buf[pos++];
    if (b === 0x3b) break;
    if (b === 0x21) {
      const label = buf[pos++];
      if (label === 0xf9) delay = buf.readUInt16LE(pos + 2);
      skipBlocks();
    } else if (b === 0x2c) {
      const f = { left: buf.readUInt16LE(pos), top: buf.readUInt16LE(pos + 2), width: buf.readUInt16LE(pos + 4), height: buf.readUInt16LE(pos + 6), delay };
      const flags = buf[pos + 8];
      pos += 9;
      if (flags & 0x80) pos += 3 * (1 << ((flags & 7) + 1));
      pos++; // LZW minimum code size
      skipBlocks();
      frames.push(f);
    } else throw new Error(`GIF: unexpected byte ${b} at ${pos - 1}`);
  }
  return { width, height, frames };
}

/**
 * How many pixels of `a` differ from `b` (same size, RGBA) beyond
 * anti-aliasing: by more than `tol` in a channel, with no pixel of the
 * other picture within `tol` in its 3 × 3 neighbourhood either way.
 */
export function differingPixels(a, b, tol = 48) {
  const { width: w, height: h } = a;
  const close = (p, q, i, j) => Math.abs(p[i] - q[j]) <= tol && Math.abs(p[i + 1] - q[j + 1]) <= tol && Math.abs(p[i + 2] - q[j + 2]) <= tol;
  const matchedNear = (p, q, x, y) => {
    const i = (y * w + x) * 4;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx, yy = y + dy;
        if (xx < 0 || yy < 0 || xx >= w || yy >= h) continue;
        if (close(p, q, i, (yy * w + xx) * 4)) return true;
      }
    return false;
  };
  let n = 0;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      if (close(a.data, b.data, i, i)) continue;
      if (!matchedNear(a.data, b.data, x, y) || !matchedNear(b.data, a.data, x, y)) n++;
    }
  return n;
}

/** The w × h region of an RGBA picture at (x, y). */
export function crop(img, x, y, w, h) {
  const data = Buffer.alloc(w * h * 4);
  for (let r = 0; r < h; r++) img.data.copy(data, r * w * 4, ((y + r) * img.width + x) * 4, ((y + r) * img.width + x + w) * 4);
  return { width: w, height: h, data };
}
