package dev.processpool.internal.worker;

import dev.processpool.internal.channel.Frame;
import dev.processpool.internal.channel.FrameChannel;
import dev.processpool.internal.channel.FrameType;
import dev.processpool.internal.channel.WorkerFrames;
import dev.processpool.internal.codec.ItemFailure;
import dev.processpool.internal.codec.RemoteFailure;
import dev.processpool.internal.workerjvm.StdinLine;
import dev.processpool.internal.workerjvm.WarmUpHints;
import dev.processpool.internal.workerjvm.WorkerJvm;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The main class of a worker JVM. It reads where to connect ({@code socket-path TAB token}) from its
 * standard input, connects, says HELLO, runs the initializer it is sent, then runs tasks one at a time until
 * SHUTDOWN. It holds only its channel and the standard streams. A forkserver's reserve worker warms up first
 * and then waits on its standard input until it is handed to a pool.
 */
public final class WorkerMain {
    static final int EXIT_PARENT_GONE = 0;
    static final int EXIT_CANNOT_CONNECT = 2;
    /** After a {@link VirtualMachineError} the JVM may be unsound: the worker reports it and is replaced. */
    static final int EXIT_AFTER_VM_ERROR = 3;
    static final int EXIT_CHANNEL_FAILED = 4;

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        String archiving = System.getProperty(WorkerJvm.ARCHIVING_PROPERTY);
        if (archiving != null) {
            Warmup.runToEnd(WarmUpHints.NONE, WorkerJvm.ARCHIVING_WITH_JSONB.equals(archiving));
            System.exit(0);
            return;
        }
        String line = StdinLine.read(System.in);
        boolean hinted = WarmUpHints.isHints(line);   // a reserve worker's first line; its handout comes next
        // A worker handed out as soon as it was started (its reserve was empty) goes straight to its pool: a warm-up
        // beside it would only take the CPU from its start.
        Warmup warmup = hinted && System.in.available() > 0 ? Warmup.none() : Warmup.startIfAsked(WarmUpHints.of(line));
        String[] request = (hinted ? StdinLine.read(System.in) : line).split("\t");
        System.setIn(InputStream.nullInputStream());
        warmup.stop();
        if (request.length < 2) {
            // Whoever started this worker is gone before handing it a pool (a forkserver's reserve worker).
            System.exit(EXIT_PARENT_GONE);
            return;
        }
        Path socketPath = Path.of(request[0]);
        FrameChannel channel;
        try {
            channel = FrameChannel.connect(socketPath);
        } catch (IOException e) {
            System.err.println("processpool worker: cannot connect to " + socketPath + ": " + e);
            System.exit(EXIT_CANNOT_CONNECT);
            return;
        }
        ParentLink link = new ParentLink(channel, socketPath);
        link.send(new WorkerFrames.Hello(request[1], ProcessHandle.current().pid()).write());
        link.startReading();
        PrintStream out = ChannelOutputStream.printStream(link, ChannelOutputStream.STDOUT);
        PrintStream err = ChannelOutputStream.printStream(link, ChannelOutputStream.STDERR);
        System.setOut(out);
        System.setErr(err);
        int status = serve(link, out, err);
        out.flush();
        err.flush();
        link.close();
        System.exit(status);
    }

    private static int serve(ParentLink link, PrintStream out, PrintStream err) throws InterruptedException, IOException {
        Frame startFrame = link.next();
        if (startFrame.type() != FrameType.START) {
            return EXIT_CANNOT_CONNECT;
        }
        WorkerFrames.Start start = WorkerFrames.Start.read(startFrame);
        TaskRunner runner = new TaskRunner(link::fetchResource, start.classPath());
        String initializer = start.initializer();
        ItemWatch watch = ItemWatch.start(link, Thread.currentThread(), start.timeoutNanos());
        link.watchedBy(watch);
        if (!initializer.isEmpty()) {
            try {
                runner.runOnce(initializer);
            } catch (Throwable t) {
                flushStandardStreams();
                link.send(new WorkerFrames.StartFailed(RemoteFailure.of(t).toJson()).write());
                return 1;
            }
        }
        flushStandardStreams();
        link.send(new WorkerFrames.Ready().write());
        IdleHeap idleHeap = IdleHeap.configured();
        while (true) {
            Frame frame = idleHeap.next(link);
            if (frame.type() == FrameType.SHUTDOWN) {
                return 0;
            }
            if (frame.type() == FrameType.TASK) {
                WorkerFrames.Task task = WorkerFrames.Task.read(frame);
                watch.busyWith(task.chunkId());
                TaskRunner.Results results = runner.run(task.chunkId(), task.code(), task.inputs(), task.start(),
                        watch);
                flushStandardStreams();
                System.setOut(out);   // a task that replaced them does not silence the tasks after it
                System.setErr(err);
                link.send(new WorkerFrames.Result(task.chunkId(), results.encoded(),
                        ItemFailure.toJson(results.failures()), results.workerBroken()).write());
                watch.busyWith(0);
                if (results.workerBroken()) {
                    return EXIT_AFTER_VM_ERROR;
                }
            }
        }
    }

    private static void flushStandardStreams() {
        System.out.flush();
        System.err.flush();
    }

}
