package com.abcdashboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Http1ConnectionTest {

    private static InputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void readsAContentLengthBodyAndStopsAtItsEnd() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"
                + "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n");

        assertThat(Http1Connection.readResponse(in, null)).isEqualTo(200);
        assertThat(Http1Connection.readResponse(in, null)).isEqualTo(401);
        assertThat(in.read()).isEqualTo(-1);
    }

    @Test
    void readsAChunkedBodyWithExtensionsAndTrailers() throws IOException {
        InputStream in = stream("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n");

        assertThat(Http1Connection.readResponse(in, null)).isEqualTo(200);
        assertThat(Http1Connection.readResponse(in, null)).isEqualTo(204);
    }

    @Test
    void aResponseCutShortIsAnError() {
        InputStream in = stream("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello");

        assertThatThrownBy(() -> Http1Connection.readResponse(in, null)).isInstanceOf(EOFException.class);
    }

    @Test
    void somethingElseThanHttpIsAnError() {
        assertThatThrownBy(() -> Http1Connection.readResponse(stream("SSH-2.0-OpenSSH\r\n"), null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Not an HTTP/1.x response");
    }

    @Test
    void aGetCarriesHostAndTheExtraHeaders() {
        byte[] request = Http1Connection.get("127.0.0.1", 8080, "/a?b=c", List.of("Authorization: Bearer t"));

        assertThat(new String(request, StandardCharsets.ISO_8859_1))
                .isEqualTo("GET /a?b=c HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAuthorization: Bearer t\r\n\r\n");
    }
}
