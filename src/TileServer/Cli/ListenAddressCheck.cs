namespace TileServer.Cli;

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using TileServer.Core.Errors;

/// <summary>Checks the addresses <c>serve</c> will listen on before Kestrel binds them. Kestrel reports a malformed URL,
/// a port beyond 65535 or a port in use by throwing out of the host's start, and the host logs the exception with its
/// stack trace first; the usual mistakes (a typo, a second server on the same port) deserve one line instead.</summary>
public static class ListenAddressCheck
{
    /// <summary>Throws a <see cref="ConfigurationException"/> naming the first unusable URL of a ';'-separated list.</summary>
    public static void Check(string? urls)
    {
        foreach (string url in (urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new ConfigurationException($"cannot listen on '{url}': not a URL such as http://localhost:8080");
            }

            if (address.IsUnixPipe || address.IsNamedPipe || address.Port == 0)
                continue; // a socket file, or a port the system picks: nothing to collide with
            if (address.Port is < 0 or > IPEndPoint.MaxPort)
                throw new ConfigurationException($"cannot listen on '{url}': port {address.Port.ToString(CultureInfo.InvariantCulture)} is not within 0–65535");
            foreach (var ip in Candidates(address.Host))
                Probe(url, new IPEndPoint(ip, address.Port));
        }
    }

    /// <summary>The IP addresses Kestrel binds for a host: localhost is the loopback, an IP literal itself, anything
    /// else (*, +, a host name) every interface.</summary>
    private static IEnumerable<IPAddress> Candidates(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            return [IPAddress.Loopback];
        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) ? [ip] : [IPAddress.Any];
    }

    /// <summary>Binds and releases the endpoint. Only "in use" is reported: other socket errors (an address of another
    /// machine, no IPv6) are left for Kestrel, whose message is more specific.</summary>
    private static void Probe(string url, IPEndPoint endpoint)
    {
        using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // SO_REUSEADDR: connections of a server just stopped, lingering in TIME_WAIT, do not count as "in use" (Linux
        // still refuses the bind while another socket listens there, which is what this probe is for).
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(endpoint);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            throw new ConfigurationException($"cannot listen on '{url}': address already in use (is another server running on port {endpoint.Port.ToString(CultureInfo.InvariantCulture)}?)");
        }
        catch (SocketException)
        {
            // left for Kestrel
        }
    }
}
