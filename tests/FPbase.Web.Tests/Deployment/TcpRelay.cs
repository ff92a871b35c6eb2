using System.Net;
using System.Net.Sockets;

namespace FPbase.Web.Tests.Deployment;

/// <summary>
/// A TCP relay on a free loopback port to <c>target</c>, which a test can cut: while <see cref="Cut"/> is true it
/// accepts and closes every new connection and drops the ones it relays, so that nothing sent through it arrives.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;
    private readonly List<TcpClient> _open = [];
    private volatile bool _cut;

    public TcpRelay(IPEndPoint target)
    {
        _target = target;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    /// <summary>How many connections arrived while cut (each one was dropped).</summary>
    public int Dropped { get; private set; }

    public bool Cut
    {
        get => _cut;
        set
        {
            _cut = value;
            if (value)
            {
                lock (_open)
                {
                    foreach (var client in _open)
                    {
                        client.Dispose();
                    }

                    _open.Clear();
                }
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }

            if (_cut)
            {
                Dropped++;
                client.Client.LingerState = new LingerOption(true, 0);
                client.Dispose();
                continue;
            }

            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        lock (_open)
        {
            _open.Add(client);
            _open.Add(upstream);
        }

        try
        {
            await upstream.ConnectAsync(_target, _stopping.Token);
            var a = client.GetStream();
            var b = upstream.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, _stopping.Token), b.CopyToAsync(a, _stopping.Token));
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A cut, a stop, or either side closing: the relay of this connection ends.
        }
        finally
        {
            client.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        Cut = true;
        _stopping.Dispose();
    }
}
