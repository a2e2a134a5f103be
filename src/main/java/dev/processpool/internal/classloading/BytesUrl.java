package dev.processpool.internal.classloading;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;

/** A URL whose content is bytes in memory: a resource a class loader holds in no file. */
public final class BytesUrl {
    private BytesUrl() {
    }

    /**
     * @param protocol the URL's scheme, which names no protocol handler: the bytes are the only way to its content
     * @param host the URL's host part, or empty
     * @param path the URL's path, starting with {@code /}
     * @param bytes its content, not copied
     */
    public static URL of(String protocol, String host, String path, byte[] bytes) {
        try {
            return new URL(protocol, host, -1, path, new Handler(bytes));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final class Handler extends URLStreamHandler {
        private final byte[] bytes;

        Handler(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        protected URLConnection openConnection(URL url) {
            return new URLConnection(url) {
                @Override
                public void connect() {
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(bytes);
                }
            };
        }
    }
}
