package com.abcdashboard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.LuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QrCodeSvgTest {
    private static final String URI =
            "otpauth://totp/ABC%20Dashboard:jane%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
                    + "&issuer=ABC%20Dashboard&algorithm=SHA1&digits=6&period=30";

    @Test
    void theSvgIsAQrCodeThatReadsBackAsTheUri() throws Exception {
        String svg = QrCodeSvg.of(URI);

        assertThat(svg).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
        assertThat(read(svg)).isEqualTo(URI);
    }

    /** Draws the SVG's squares into a pixel grid (4 pixels a module) and lets ZXing's reader decode it. */
    private static String read(String svg) throws Exception {
        Matcher box = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertThat(box.find()).isTrue();
        int modules = Integer.parseInt(box.group(1));
        int scale = 4;
        int size = modules * scale;
        byte[] pixels = new byte[size * size];
        java.util.Arrays.fill(pixels, (byte) 0xff);
        Matcher square = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z").matcher(svg);
        while (square.find()) {
            int x = Integer.parseInt(square.group(1));
            int y = Integer.parseInt(square.group(2));
            for (int dy = 0; dy < scale; dy++) {
                for (int dx = 0; dx < scale; dx++) {
                    pixels[(y * scale + dy) * size + x * scale + dx] = 0;
                }
            }
        }
        LuminanceSource source = new LuminanceSource(size, size) {
            @Override
            public byte[] getRow(int y, byte[] row) {
                byte[] out = row == null || row.length < size ? new byte[size] : row;
                System.arraycopy(pixels, y * size, out, 0, size);
                return out;
            }

            @Override
            public byte[] getMatrix() {
                return pixels;
            }
        };
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(source)))
                .getText();
    }
}
