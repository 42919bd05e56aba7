using MimeKit;

namespace Portal.IntegrationTests.Infrastructure;

/// <summary>The .eml files the app wrote to its pickup folder: what an investor would find in their inbox.</summary>
public sealed class Mailbox(string folder)
{
    public string Folder { get; } = folder;

    /// <summary>Every message to <paramref name="address"/>, oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string address)
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return new DirectoryInfo(Folder).GetFiles("*.eml")
            .OrderBy(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => MimeMessage.Load(f.FullName))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
    }

    /// <summary>The newest message to <paramref name="address"/>; fails the test when there is none.</summary>
    public MimeMessage LatestTo(string address)
    {
        var messages = To(address);
        return messages.Count > 0 ? messages[^1] : throw new Xunit.Sdk.XunitException($"No e-mail to {address} in {Folder}.");
    }

    /// <summary>The plain-text body of the newest message to <paramref name="address"/>.</summary>
    public string LatestTextTo(string address) => LatestTo(address).TextBody ?? "";
}
