using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Components;

namespace Portal.Web.Features.Content.Reading;

/// <summary>
/// Writes a reading page's persisted state as UTF-8 JSON that leaves Chinese text and HTML markup as they are. Blazor's
/// default JSON escapes every non-ASCII character and every &lt; and &gt; (<c>\u57FA</c>, <c>\u003Cp\u003E</c>), which
/// made a Chinese article's state twice its size: close to the 32 KB the circuit's first message may carry, past which
/// the page never comes alive. The escaping is not needed here: the bytes are encrypted (data protection) and
/// base64-encoded before they reach the page, and are never read as HTML or script.
/// </summary>
public sealed class ReadingStateSerializer<T> : PersistentComponentStateSerializer<T>
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override void Persist(T value, IBufferWriter<byte> writer)
    {
        using var json = new Utf8JsonWriter(writer, new JsonWriterOptions { Encoder = Options.Encoder });
        JsonSerializer.Serialize(json, value, Options);
    }

    public override T Restore(ReadOnlySequence<byte> data)
    {
        var reader = new Utf8JsonReader(data);
        return JsonSerializer.Deserialize<T>(ref reader, Options)!;
    }
}
