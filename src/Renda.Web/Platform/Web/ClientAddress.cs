using System.Security.Cryptography;
using System.Text;

namespace Renda.Web.Platform.Web;

/// <summary>
/// The network address behind an anonymous public form, kept only as a keyed hash (HMAC-SHA-256): enough to count one
/// address's submissions against an hourly limit (a flood from one address is refused), not to say who sent what. A plain
/// hash would not do: the IPv4 addresses are few enough to hash them all and look a stored value up. The key is a file
/// beside the keys that protect the login cookie (<c>&lt;DataDir&gt;/keys</c>), which every instance shares already; it is
/// not in the database, so a copy of the database does not give the addresses away.
/// </summary>
public sealed class ClientAddress(byte[] key)
{
    /// <summary>The hash of the address of this request's sender.</summary>
    public string Of(HttpContext http) => Hash(http.Connection.RemoteIpAddress?.ToString());

    public string Hash(string? address) => Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(address ?? "unknown")));

    /// <summary>The key in <paramref name="path"/>, drawn at random and written there the first time.</summary>
    public static ClientAddress FromKeyFile(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var fresh = RandomNumberGenerator.GetBytes(32);
            try
            {
                // CreateNew: of two instances starting together, the second reads what the first wrote.
                using var f = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
                f.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
            }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var key = File.ReadAllBytes(path);
        if (key.Length < 32) throw new InvalidOperationException($"The key file {path} is shorter than 32 bytes; remove it to have a new one drawn.");
        return new ClientAddress(key);
    }
}
