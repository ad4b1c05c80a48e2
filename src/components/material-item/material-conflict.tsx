import ConflictDialog from '../conflict-dialog'
import { materialConflictRows, type useMaterialStatuses } from './statuses'

type ConflictChoice = Pick<ReturnType<typeof useMaterialStatuses>, 'conflict' | 'keepMine' | 'takeLatest'>

interface MaterialConflictDialogProps {
  statuses: ConflictChoice
  /** The material's name as this page shows it. */
  titleOf: (id: string) => string
}

/** Statuses the user changed while someone else changed them too: shown side by side for the user to choose. */
export default function MaterialConflictDialog({ statuses, titleOf }: MaterialConflictDialogProps) {
  const { conflict } = statuses
  return (
    <ConflictDialog
      visible={!!conflict}
      rows={conflict ? materialConflictRows(conflict.pending.materials, conflict.latest.materials, titleOf) : []}
      onUseMine={() => void statuses.keepMine()}
      onUseTheirs={statuses.takeLatest}
    />
  )
}
