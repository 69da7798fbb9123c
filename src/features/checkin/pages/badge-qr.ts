import QRCode from "qrcode";

/** The badge's QR as inline SVG, made on the server (the code is digits only: no user text inside). */
export const badgeQrSvg = (code: string) => QRCode.toString(code, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
