package dev.sextant.collector.drafts;

import dev.sextant.collector.ingest.DraftRegistrar;
import dev.sextant.collector.ingest.EventDeliveryException;
import dev.sextant.registry.editing.PlanEditor;
import dev.sextant.registry.validation.DraftRegistration;
import java.util.List;
import org.springframework.dao.DataAccessException;

/**
 * Registers drafts through the registry's {@link PlanEditor}, i.e. into the plan store the
 * collector reads. When that store cannot be written, nothing of the request is acknowledged: the
 * sender gets 503 and retries.
 */
public final class PlanEditorDrafts implements DraftRegistrar {

  private final PlanEditor editor;

  public PlanEditorDrafts(PlanEditor editor) {
    this.editor = editor;
  }

  @Override
  public void register(String project, List<DraftRegistration> drafts) {
    try {
      drafts.forEach(registration -> editor.registerDrafts(project, registration));
    } catch (DataAccessException e) {
      throw new EventDeliveryException(
          "the tracking plan of project '" + project + "' could not be updated with drafts", e);
    }
  }
}
