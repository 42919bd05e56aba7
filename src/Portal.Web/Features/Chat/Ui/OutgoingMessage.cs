namespace Portal.Web.Features.Chat.Ui;

/// <summary>
/// The client message id of the text being sent: new for each new text, kept until the service acknowledges it, so
/// a retry after a failure or a dropped connection re-uses it and the service stores the message once.
/// </summary>
public sealed class OutgoingMessage
{
    private string? _text;

    public string? ClientMessageId { get; private set; }

    public string IdFor(string text)
    {
        if (ClientMessageId is null || _text != text)
        {
            (ClientMessageId, _text) = (Guid.NewGuid().ToString("N"), text);
        }

        return ClientMessageId;
    }

    public void Acknowledge() => (ClientMessageId, _text) = (null, null);
}
