using System.Security.Cryptography;
using System.Text;

namespace Renda.Web.Platform.Web;

/// <summary>
/// The network address behind an anonymous public form, kept only as a hash: enough to count one address's submissions
/// against a limit (a flood from one address is refused), not to say who sent what.
/// </summary>
public static class ClientAddress
{
    public static string Hash(string? address) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("addr:" + (address ?? "unknown"))));
}
