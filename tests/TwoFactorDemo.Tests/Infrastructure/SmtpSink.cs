using System.Diagnostics;
using System.Net.Sockets;
using System.Net;
using MimeKit;

namespace TwoFactorDemo.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd (installed by test.sh) writing every message it
/// accepts into a Maildir, which the tests read back with MimeKit.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private readonly Process _process;
    private readonly string _maildir = Path.Combine(Path.GetTempPath(), "tfd-smtp-" + Guid.NewGuid().ToString("N"));

    /// <param name="port">A port to listen on (an outage test starts the server where the app already sends); a free one by default.</param>
    public SmtpSink(int? port = null)
    {
        Port = port ?? FreePort();
        _process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", _maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("Could not start aiosmtpd");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!Listening())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("aiosmtpd did not start: " + _process.StandardError.ReadToEnd());
            }
            Thread.Sleep(100);
        }
    }

    public int Port { get; }

    /// <summary>The settings that point the app at this server.</summary>
    public Dictionary<string, string?> AppSettings() => new()
    {
        ["Email:Provider"] = "Smtp",
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(),
        ["Email:Smtp:Security"] = "None",
    };

    /// <summary>Every message received so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(_maildir, "new");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(f => MimeMessage.Load(f)).OrderBy(m => m.Date).ToList()
            : [];
    }

    /// <summary>Waits (up to 10 s) for a message to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(string to, string subject = "")
    {
        for (var i = 0; i < 100; i++)
        {
            if (Messages().LastOrDefault(m => m.To.Mailboxes.Any(a => a.Address == to) && (m.Subject ?? "").Contains(subject)) is { } message)
            {
                return message;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {to} within 10 s");
    }

    private bool Listening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
        if (Directory.Exists(_maildir))
        {
            Directory.Delete(_maildir, recursive: true);
        }
    }
}
