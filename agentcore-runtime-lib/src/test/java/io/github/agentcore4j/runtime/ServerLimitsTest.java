package io.github.agentcore4j.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerLimitsTest {

    private static final long SIX_GB = 6L * 1024 * 1024 * 1024;

    @Test
    void theBodyBudgetDefaultsToAShareOfTheHeapAndThePropertyWinsOverTheEnvironment() {
        assertEquals(966_367_641L, ServerLimits.bodyBudgetBytes(name -> null, name -> null, SIX_GB));
        assertEquals(5_000L, ServerLimits.bodyBudgetBytes(Map.of(ServerLimits.BODY_BUDGET_PROPERTY, "5000")::get,
                Map.of(ServerLimits.BODY_BUDGET_VARIABLE, "7000")::get, SIX_GB));
        assertEquals(7_000L, ServerLimits.bodyBudgetBytes(name -> null,
                Map.of(ServerLimits.BODY_BUDGET_VARIABLE, "7000")::get, SIX_GB));
    }

    @Test
    void anInvalidSettingIsRefusedByName() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ServerLimits.bodyBudgetBytes(name -> null,
                        Map.of(ServerLimits.BODY_BUDGET_VARIABLE, "1GB")::get, SIX_GB));
        assertEquals("the environment variable AGENTCORE_BODY_BUDGET_BYTES is '1GB': it must be a positive whole "
                + "number; remove it to use the default (966367641)", refused.getMessage());
    }

    @Test
    void oneBodyAlwaysProceedsAndOthersWaitForRoom() {
        BodyBudget budget = new BodyBudget(100);
        assertEquals(true, budget.tryReserve(150), "alone, a body larger than the budget proceeds");
        assertEquals(false, budget.tryReserve(1));
        budget.release(150);
        assertEquals(true, budget.tryReserve(60));
        assertEquals(true, budget.tryReserve(40));
        assertEquals(false, budget.tryReserve(1));
        budget.release(100);
        assertEquals(true, budget.tryReserve(100), "everything released is available again");
    }
}
