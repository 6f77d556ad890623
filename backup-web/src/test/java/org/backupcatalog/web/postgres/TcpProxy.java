package org.backupcatalog.web.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between the catalog and its database that can fail like a network or a database
 * server does: {@link #cut()} resets every open connection and refuses new ones, {@link #restore()}
 * accepts again on the same port. The catalog only knows the relay's port.
 */
public final class TcpProxy implements AutoCloseable {

  private final int target;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;

  public TcpProxy(int target) {
    this.target = target;
    this.listener = listen(0);
    this.port = listener.getLocalPort();
    acceptInBackground(listener);
  }

  public int port() {
    return port;
  }

  /** Closes the listening socket (connection refused) and every relayed connection. */
  public synchronized void cut() {
    closeQuietly(listener);
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  public synchronized void restore() {
    if (listener.isClosed()) {
      listener = listen(port);
      acceptInBackground(listener);
    }
  }

  @Override
  public void close() {
    cut();
  }

  private static ServerSocket listen(int port) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on port " + port, e);
    }
  }

  private void acceptInBackground(ServerSocket server) {
    daemon(
        "proxy-accept-" + port,
        () -> {
          while (!server.isClosed()) {
            try {
              Socket client = server.accept();
              // Under the lock of cut(): a connection accepted just before a cut must not be
              // registered after it, or it would relay through the whole outage.
              synchronized (this) {
                if (server.isClosed()) {
                  closeQuietly(client);
                  continue;
                }
                Socket database = new Socket(InetAddress.getLoopbackAddress(), target);
                open.add(client);
                open.add(database);
                relay(client, database);
                relay(database, client);
              }
            } catch (IOException closedOrRefused) {
              // cut() closed the listener, or the database refused: the client sees a reset
            }
          }
        });
  }

  private void relay(Socket from, Socket to) {
    daemon(
        "proxy-relay",
        () -> {
          byte[] buffer = new byte[64 * 1024];
          try (InputStream in = from.getInputStream();
              OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
              out.write(buffer, 0, read);
            }
          } catch (IOException cut) {
            // one side closed: close both below
          } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
          }
        });
  }

  private static void daemon(String name, Runnable work) {
    Thread thread = new Thread(work, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}
