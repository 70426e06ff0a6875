using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Dso.Domain.Persistence;

/// <summary>
/// Inserts new entities with one prepared statement reused row after row, inside the context's current
/// transaction, for the bulk paths (file imports). Table, columns and value conversions come from the EF
/// model, so the stored form is exactly what EF itself would write, on any provider.
/// </summary>
public sealed class BulkInserter<T> : IDisposable
    where T : class
{
    private readonly DbCommand command;
    private readonly IProperty[] properties;
    private readonly Func<T, object?>[] getters;
    private readonly Func<object?, object?>[] converters;
    private readonly Dictionary<string, int> index;
    private readonly IProperty? key;

    public BulkInserter(DsoDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        // A single generated key is left to the database and returned; a composite key (a link table) is written.
        var keys = entity.FindPrimaryKey()!.Properties;
        key = keys.Count == 1 && keys[0].ValueGenerated != ValueGenerated.Never ? keys[0] : null;
        var own = entity.GetProperties().Where(p => p != key && !p.IsShadowProperty()).ToList();
        // A complex property (a client's address) is columns of the same row; a null one writes nulls.
        var complex = entity.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties().Select(p => (Outer: c.GetGetter(), Inner: p))).ToList();
        properties = [.. own, .. complex.Select(c => c.Inner)];
        index = own.Select((p, i) => (p.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        getters = [.. own.Select(p => p.GetGetter()).Select<IClrPropertyGetter, Func<T, object?>>(g => e => g.GetClrValue(e)),
            .. complex.Select<(IClrPropertyGetter Outer, IProperty Inner), Func<T, object?>>(c => e => c.Outer.GetClrValue(e) is { } value ? c.Inner.PropertyInfo!.GetValue(value) : null)];
        converters = properties.Select(p => p.GetTypeMapping().Converter).Select<Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?, Func<object?, object?>>(
            c => c is null ? v => v : v => v is null ? null : c.ConvertToProvider(v)).ToArray();
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("Bulk inserts run inside a transaction.");
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})" + (key is null ? "" : $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}");
        for (var i = 0; i < properties.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
    }

    /// <summary>
    /// Inserts one entity (with values replaced where given, e.g. a foreign key known only now) and returns its new key,
    /// also set on the entity (0 for a composite key). A refused row fails as EF's own save would, with a <see cref="DbUpdateException"/>.
    /// </summary>
    public async Task<long> InsertAsync(T entity, CancellationToken cancellationToken, params (string Property, object? Value)[] replacements)
    {
        for (var i = 0; i < properties.Length; i++)
        {
            command.Parameters[i].Value = converters[i](getters[i](entity)) ?? DBNull.Value;
        }

        foreach (var (property, value) in replacements)
        {
            var i = index[property];
            command.Parameters[i].Value = converters[i](value) ?? DBNull.Value;
        }

        try
        {
            if (key is null)
            {
                await command.ExecuteNonQueryAsync(cancellationToken);
                return 0;
            }

            var id = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            var value = Convert.ChangeType(id, key.ClrType, System.Globalization.CultureInfo.InvariantCulture);
            if (key.FieldInfo is { } field)
            {
                field.SetValue(entity, value);
            }
            else
            {
                key.PropertyInfo!.SetValue(entity, value);
            }

            return id;
        }
        catch (DbException e)
        {
            throw new DbUpdateException($"Inserting a {typeof(T).Name} failed: {e.Message}", e);
        }
    }

    public void Dispose() => command.Dispose();
}
