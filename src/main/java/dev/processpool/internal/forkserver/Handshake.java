package dev.processpool.internal.forkserver;

import dev.processpool.internal.channel.ForkServerFrames;
import dev.processpool.internal.channel.Frame;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.FrameType;
import dev.processpool.internal.channel.UntrustedPeer;
import dev.processpool.internal.threads.Daemons;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mutual challenge and response with a shared random key, as Python's authkey: each side sends a random
 * nonce and expects its HMAC-SHA256 back. The key itself never travels over the socket.
 */
final class Handshake {
    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {
    }

    static byte[] randomKey() {
        return random(KEY_BYTES);
    }

    /**
     * Loads and runs the HMAC code on a daemon thread: a JVM's first {@code Mac} costs tens of ms (the security
     * providers), which the handshake need not wait for when it was started while the other side was starting.
     */
    static void warmUpInBackground() {
        Daemons.start("processpool-handshake-warm-up", () -> hmac(new byte[KEY_BYTES], new byte[NONCE_BYTES]));
    }

    /** @throws IOException if the peer does not prove it has the key */
    static void asServer(FrameChannel channel, byte[] key) throws IOException {
        byte[] nonce = random(NONCE_BYTES);
        channel.send(new ForkServerFrames.AuthChallenge(nonce).write());
        ForkServerFrames.AuthResponse response = ForkServerFrames.AuthResponse.read(
                expect(channel, FrameType.AUTH_RESPONSE));
        verify(key, nonce, response.hmac());
        channel.send(new ForkServerFrames.AuthOk(hmac(key, response.nonce())).write());
    }

    /** @throws IOException if the server does not prove it has the key */
    static void asClient(FrameChannel channel, byte[] key) throws IOException {
        ForkServerFrames.AuthChallenge challenge = ForkServerFrames.AuthChallenge.read(
                expect(channel, FrameType.AUTH_CHALLENGE));
        byte[] nonce = random(NONCE_BYTES);
        channel.send(new ForkServerFrames.AuthResponse(hmac(key, challenge.nonce()), nonce).write());
        verify(key, nonce, ForkServerFrames.AuthOk.read(expect(channel, FrameType.AUTH_OK)).hmac());
    }

    private static Frame expect(FrameChannel channel, FrameType type) throws IOException {
        Frame frame = UntrustedPeer.receive(channel);
        if (frame.type() != type) {
            throw new IOException("authentication failed: expected " + type + ", got " + frame.type());
        }
        return frame;
    }

    private static void verify(byte[] key, byte[] nonce, byte[] answer) throws IOException {
        if (!MessageDigest.isEqual(hmac(key, nonce), answer)) {
            throw new IOException("authentication failed: wrong key");
        }
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return value;
    }
}
