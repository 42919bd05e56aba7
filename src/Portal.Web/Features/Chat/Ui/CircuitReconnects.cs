using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Portal.Web.Features.Chat.Ui;

/// <summary>
/// Tells a chat page that its circuit's connection came back after a drop, so it asks the service for everything
/// after its last sequence (events published while the browser was away may not have reached it).
/// </summary>
public sealed class CircuitReconnects : CircuitHandler
{
    private bool _wasDown;

    public event Func<Task>? Reconnected;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _wasDown = true;
        return Task.CompletedTask;
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_wasDown && Reconnected is { } reconnected)
        {
            _wasDown = false;
            await reconnected();
        }
    }
}
