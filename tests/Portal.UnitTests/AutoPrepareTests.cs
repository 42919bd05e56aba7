using Npgsql;
using Portal.Web.Hosting;

namespace Portal.UnitTests;

public sealed class AutoPrepareTests
{
    [Fact]
    public void PostgreSQL_connections_prepare_their_frequent_statements_by_default()
    {
        var result = new NpgsqlConnectionStringBuilder(DataHosting.WithAutoPrepare("Host=db;Username=portal;Password=secret;Database=portal"));

        Assert.Equal(20, result.MaxAutoPrepare);
        Assert.Equal(("db", "portal", "secret", "portal"), (result.Host, result.Username, result.Password, result.Database));
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;maxautoprepare=50", 50)]
    public void An_operator_setting_is_kept(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DataHosting.WithAutoPrepare(connectionString)).MaxAutoPrepare);
}
