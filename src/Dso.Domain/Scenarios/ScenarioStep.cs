namespace Dso.Domain.Scenarios;

/// <summary>One step of a scenario, placed relative to the leader piece's due date.</summary>
public sealed class ScenarioStep
{
    private ScenarioStep()
    {
    }

    public ScenarioStep(ScenarioStepValues values) => Values = values;

    public long Id { get; private set; }

    public long ScenarioId { get; private set; }

    /// <summary>Days from the due date: −5 is five days before, 30 thirty days after.</summary>
    public int OffsetDays { get; private set; }

    public Channel Channel { get; private set; }

    public long? TemplateId { get; private set; }

    public decimal? MinOverdueAmount { get; private set; }

    /// <summary>Sent by the system, or an action for a person.</summary>
    public bool AutoSend { get; private set; }

    public ScenarioStepValues Values
    {
        get => new(OffsetDays, Channel, TemplateId, MinOverdueAmount, AutoSend);
        private init => (OffsetDays, Channel, TemplateId, MinOverdueAmount, AutoSend) =
            (value.OffsetDays, value.Channel, value.TemplateId, value.MinOverdueAmount, value.AutoSend);
    }
}
