namespace Portal.Web.Data;

/// <summary>
/// A feature's deterministic demo data. Seeders run in <see cref="Order"/> after migrations when
/// <c>Portal:DemoData</c> is on, and must be safe to run on every start (insert what is missing only).
/// </summary>
public interface IDemoDataSeeder
{
    int Order { get; }

    Task SeedAsync(CancellationToken cancellationToken);
}
