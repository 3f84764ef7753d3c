package com.abcdashboard.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class Http1FramingTest {

    private static Http1Framing.Frame frame(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        return Http1Framing.frame(bytes, bytes.length);
    }

    @Test
    void aContentLengthResponseEndsAfterItsBodyEvenWithTheNextOneBehindIt() throws IOException {
        String first = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";

        Http1Framing.Frame frame = frame(first + "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n");

        assertThat(frame).isEqualTo(new Http1Framing.Frame(first.length(), 200, false));
    }

    @Test
    void aResponseWithoutAllOfItsBodyIsNotCompleteYet() throws IOException {
        assertThat(frame("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nhello")).isNull();
        assertThat(frame("HTTP/1.1 200 OK\r\nContent-Len")).isNull();
        assertThat(frame("HTT")).isNull();
    }

    @Test
    void aChunkedBodyEndsAfterTheLastChunkAndTheTrailers() throws IOException {
        String response = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n";

        assertThat(frame(response + "HTTP/1.1 204 No Content\r\n\r\n"))
                .isEqualTo(new Http1Framing.Frame(response.length(), 200, false));
        assertThat(frame(response.substring(0, response.length() - 2))).isNull();
        assertThat(frame(response.substring(0, response.indexOf("world")))).isNull();
    }

    @Test
    void connectionCloseIsReported() throws IOException {
        assertThat(frame("HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n"))
                .isEqualTo(new Http1Framing.Frame(74, 503, true));
    }

    @Test
    void somethingElseThanHttpIsAnError() {
        assertThatThrownBy(() -> frame("SSH-2.0-OpenSSH\r\n"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Not an HTTP/1.x response");
        assertThatThrownBy(() -> frame("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aGetCarriesHostAndTheExtraHeaders() {
        byte[] request = Http1Framing.get("127.0.0.1", 8080, "/a?b=c", List.of("Authorization: Bearer t"));

        assertThat(new String(request, StandardCharsets.ISO_8859_1))
                .isEqualTo("GET /a?b=c HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nAuthorization: Bearer t\r\n\r\n");
    }
}
