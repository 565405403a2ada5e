using System.Security.Cryptography;
using System.Text;
using Renda.Web.Platform.Web;

namespace Renda.Tests.Platform.Web;

/// <summary>The address behind a public form is stored so that it can be counted but not looked up.</summary>
public sealed class ClientAddressTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("renda-address-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_same_address_counts_as_one_and_the_stored_value_is_not_a_plain_hash_of_it()
    {
        var key = Path.Combine(_dir, "keys", "client-address.key");
        var addresses = ClientAddress.FromKeyFile(key);
        const string address = "203.0.113.7";
        addresses.Hash(address).ShouldBe(addresses.Hash(address));
        addresses.Hash(address).ShouldNotBe(addresses.Hash("203.0.113.8"));
        // A plain SHA-256 (with or without the old "addr:" prefix) could be reversed by hashing all 2³² IPv4 addresses.
        addresses.Hash(address).ShouldNotBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address))));
        addresses.Hash(address).ShouldNotBe(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("addr:" + address))));

        // The key is kept: after a restart (or on another instance with the same data folder) the address counts as before.
        ClientAddress.FromKeyFile(key).Hash(address).ShouldBe(addresses.Hash(address));
        if (!OperatingSystem.IsWindows()) File.GetUnixFileMode(key).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // Another data folder, another key.
        ClientAddress.FromKeyFile(Path.Combine(_dir, "other", "client-address.key")).Hash(address).ShouldNotBe(addresses.Hash(address));
    }
}
