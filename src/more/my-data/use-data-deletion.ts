import { useState } from 'react'
import { deleteAllMyData } from '../../services/my-data'

export type DeleteState = 'idle' | 'confirming' | 'deleting' | 'deleted'

/** Deleting all my data, only after the user ticked that it cannot be undone. */
export function useDataDeletion(onDeleted: () => void) {
  const [deletion, setDeletion] = useState<DeleteState>('idle')
  const [understood, setUnderstood] = useState(false)
  const [deleteError, setDeleteError] = useState('')

  function askToDelete() {
    setUnderstood(false)
    setDeleteError('')
    setDeletion('confirming')
  }

  async function confirmDelete() {
    if (!understood) return
    setDeletion('deleting')
    const result = await deleteAllMyData()
    if (result.ok) {
      onDeleted()
      setDeletion('deleted')
    } else {
      setDeleteError(`删除没有完成：${result.message}。请稍后再试。`)
      setDeletion('idle')
    }
  }

  const cancelDelete = () => setDeletion('idle')

  return { deletion, understood, setUnderstood, deleteError, askToDelete, confirmDelete, cancelDelete }
}
