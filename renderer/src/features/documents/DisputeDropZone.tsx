/**
 * Files dropped anywhere on a dispute's page are attached to that dispute. While files are
 * dragged over the page an overlay says what will happen, and a status message announces it to
 * screen readers; after the drop the page switches to the Documents tab, where progress shows.
 */
import { Text } from '@mantine/core';
import { useRef, useState, type DragEvent, type ReactNode } from 'react';
import { attachToDispute } from './attach';

function carriesFiles(event: DragEvent) {
  return event.dataTransfer.types.includes('Files');
}

export function DisputeDropZone({
  disputeId,
  onDropped,
  children,
}: {
  disputeId: string;
  onDropped: () => void;
  children: ReactNode;
}) {
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed; counting them tells when the page is left.
  const depth = useRef(0);

  return (
    <div
      onDragEnter={(event) => {
        if (!carriesFiles(event)) return;
        depth.current += 1;
        setDragging(true);
      }}
      onDragOver={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={(event) => {
        if (!carriesFiles(event)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      }}
      onDrop={(event) => {
        if (!carriesFiles(event)) return;
        event.preventDefault();
        depth.current = 0;
        setDragging(false);
        const files = [...event.dataTransfer.files];
        if (files.length === 0) return;
        onDropped();
        void attachToDispute(disputeId, files);
      }}
    >
      {children}
      <output className="visually-hidden">
        {dragging ? 'Drop the files to attach them to this dispute.' : ''}
      </output>
      {dragging && (
        <div className="cf-drop-overlay" aria-hidden="true">
          <Text size="xl" fw={700}>
            Drop the files to attach them to this dispute
          </Text>
        </div>
      )}
    </div>
  );
}
